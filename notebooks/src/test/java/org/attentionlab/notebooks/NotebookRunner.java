package org.attentionlab.notebooks;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs every code cell of one notebook in order in a fresh {@link NotebookKernel} and fills in the
 * outputs. A cell fails the run ({@link CellFailure}, naming the notebook and the cell) if it does not
 * compile, throws, ends with a bare {@code display(x);} (whose display id both kernels would show as
 * well) or with a value that shows only its identity ({@code java.io.PrintStream@1b2c3d}, what a final
 * {@code printf} gives), or runs statements and shows nothing.
 */
final class NotebookRunner {

    private final List<String> compilerOptions;

    /** @param jshellOptions the javac options of every cell, space separated (e.g. the Vector API's) */
    NotebookRunner(String jshellOptions) {
        this.compilerOptions = jshellOptions.isBlank() ? List.of() : Arrays.asList(jshellOptions.trim().split("\\s+"));
    }

    /** Executes {@code notebook} and returns it with its new outputs. */
    Notebook run(Path file) throws IOException {
        Notebook notebook = Notebook.read(file);
        try (NotebookKernel kernel = new NotebookKernel(notebook.directory(), compilerOptions)) {
            int count = 0;
            for (int i = 0; i < notebook.size(); i++) {
                if (!notebook.isCode(i)) {
                    continue;
                }
                count++;
                CellRun run;
                try {
                    run = kernel.execute(notebook.source(i), count);
                } catch (CellRun.Failed e) {
                    throw new CellFailure(notebook.name(), i + 1, e.getMessage(), e.getCause());
                }
                check(notebook, i, run);
                notebook.setOutputs(i, count, run.outputs());
            }
        }
        return notebook;
    }

    private static void check(Notebook notebook, int index, CellRun run) {
        if (run.ranStatements() && run.outputs().isEmpty()) {
            throw new CellFailure(notebook.name(), index + 1, "ran statements but showed nothing; end it with a value,"
                    + " print something or display(...) a picture", null);
        }
        boolean bareDisplay = run.lastSnippet().matches("(?s)display\\(.*\\);?")
                && run.outputs().stream().anyMatch(o -> "execute_result".equals(text(o, "output_type")));
        if (bareDisplay) {
            throw new CellFailure(notebook.name(), index + 1, "ends with a bare display(...); the kernels would show its"
                    + " display id as well: end the cell with the value itself instead", null);
        }

        for (JsonObject output : run.outputs()) {
            if (output.has("data") && output.getAsJsonObject("data").has("text/plain")
                    && output.getAsJsonObject("data").get("text/plain").getAsString().matches("[\\w.$]+@[0-9a-f]+")) {
                throw new CellFailure(notebook.name(), index + 1, "shows an object's identity ("
                        + output.getAsJsonObject("data").get("text/plain").getAsString() + "), as both kernels would:"
                        + " end the cell with a readable value (printf returns its PrintStream; use println)", null);
            }
        }
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsString() : "";
    }
}
