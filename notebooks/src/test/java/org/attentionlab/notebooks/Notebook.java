package org.attentionlab.notebooks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code .ipynb} file (nbformat 4): its cells, read, and written back with the outputs of a run.
 */
final class Notebook {

    private final Path file;
    private final JsonObject json;

    private Notebook(Path file, JsonObject json) {
        this.file = file;
        this.json = json;
    }

    static Notebook read(Path file) throws IOException {
        return new Notebook(file, JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
    }

    String name() {
        return file.getFileName().toString();
    }

    Path directory() {
        return file.toAbsolutePath().getParent();
    }

    private JsonArray cells() {
        return json.getAsJsonArray("cells");
    }

    /** The number of cells of all kinds; cells are numbered from 1 in messages, as Jupyter shows them. */
    int size() {
        return cells().size();
    }

    boolean isCode(int index) {
        return "code".equals(cells().get(index).getAsJsonObject().get("cell_type").getAsString());
    }

    /** The source of a cell, its lines joined. */
    String source(int index) {
        JsonElement source = cells().get(index).getAsJsonObject().get("source");
        if (source.isJsonPrimitive()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }

    /** Replaces a code cell's outputs and execution count with those of a run. */
    void setOutputs(int index, int executionCount, List<JsonObject> outputs) {
        JsonObject cell = cells().get(index).getAsJsonObject();
        JsonArray array = new JsonArray();
        for (JsonObject output : outputs) {
            array.add(withLines(output));
        }
        cell.add("outputs", array);
        cell.addProperty("execution_count", executionCount);
    }

    /** Text in nbformat's usual form, a list of lines, so that diffs of executed notebooks read line by line. */
    private static JsonObject withLines(JsonObject output) {
        JsonObject copy = output.deepCopy();
        if (copy.has("text")) {
            copy.add("text", lines(copy.get("text").getAsString()));
        }
        if (copy.has("data")) {
            JsonObject data = copy.getAsJsonObject("data");
            for (String mime : new ArrayList<>(data.keySet())) {
                if (mime.startsWith("text/")) {
                    data.add(mime, lines(data.get(mime).getAsString()));
                }
            }
        }
        return copy;
    }

    private static JsonArray lines(String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** Writes the notebook, with whatever outputs it now has, to {@code target}. */
    void write(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }
}
