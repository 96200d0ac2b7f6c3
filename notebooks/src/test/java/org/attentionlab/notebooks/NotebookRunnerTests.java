package org.attentionlab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTests {

    @TempDir
    Path directory;

    private final NotebookRunner runner = new NotebookRunner("");

    /** A notebook of one markdown cell followed by the given code cells. */
    private Path notebook(String... code) throws Exception {
        JsonArray cells = new JsonArray();
        JsonObject markdown = new JsonObject();
        markdown.addProperty("cell_type", "markdown");
        markdown.addProperty("source", "# test");
        cells.add(markdown);
        for (String source : code) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.addProperty("source", source);
            cell.add("outputs", new JsonArray());
            cells.add(cell);
        }
        JsonObject json = new JsonObject();
        json.add("cells", cells);
        Path file = directory.resolve("test.ipynb");
        Files.writeString(file, json.toString());
        return file;
    }

    private JsonArray outputsOf(Path written, int cell) throws Exception {
        return JsonParser.parseString(Files.readString(written)).getAsJsonObject()
                .getAsJsonArray("cells").get(cell).getAsJsonObject().getAsJsonArray("outputs");
    }

    @Test
    void printedTextAndTheLastValueBecomeOutputsInOrder() throws Exception {
        Path file = notebook("int x = 20;\nSystem.out.println(\"x is \" + x);\nx + 22");
        Path written = directory.resolve("out.ipynb");
        runner.run(file).write(written);
        JsonArray outputs = outputsOf(written, 1);
        assertEquals("stream", outputs.get(0).getAsJsonObject().get("output_type").getAsString());
        assertEquals("x is 20\n", outputs.get(0).getAsJsonObject().getAsJsonArray("text").get(0).getAsString());
        JsonObject result = outputs.get(1).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals("42", result.getAsJsonObject("data").getAsJsonArray("text/plain").get(0).getAsString());
    }

    @Test
    void aCompileErrorNamesTheNotebookTheCellAndTheMessage() throws Exception {
        Path file = notebook("int a = 1;", "int b = \"text\";");
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(file));
        assertTrue(failure.getMessage().startsWith("test.ipynb, cell 3: does not compile: incompatible types"), failure.getMessage());
    }

    @Test
    void anExceptionFailsItsCell() throws Exception {
        Path file = notebook("Integer.parseInt(\"seven\")");
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(file));
        assertTrue(failure.getMessage().startsWith("test.ipynb, cell 2: java.lang.NumberFormatException"), failure.getMessage());
    }

    @Test
    void statementsThatShowNothingFailButDeclarationsMayBeSilent() throws Exception {
        runner.run(notebook("import java.util.List;\nrecord Point(int x, int y) {}"));
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(notebook("for (int i = 0; i < 3; i++) { }")));
        assertTrue(failure.getMessage().contains("cell 2: ran statements but showed nothing"), failure.getMessage());
    }

    @Test
    void aFinalPrintfShowsItsStreamAndFails() throws Exception {
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(notebook("System.out.printf(\"%d%n\", 1)")));
        assertTrue(failure.getMessage().contains("identity (java.io.PrintStream@"), failure.getMessage());
    }

    @Test
    void aTypeMentionedBeforeItIsDeclaredFailsAsInIJava() throws Exception {
        CellFailure failure = assertThrows(CellFailure.class,
                () -> runner.run(notebook("String describe(Later l) { return \"\" + l; }", "class Later {}")));
        assertTrue(failure.getMessage().contains("cell 2: mentions [class Later] before it is declared"), failure.getMessage());
    }

    @Test
    void javaTimeIsNotImportedBecauseIJavaDoesNotImportIt() throws Exception {
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(notebook("Duration.ofSeconds(1)")));
        assertTrue(failure.getMessage().contains("cannot find symbol"), failure.getMessage());
    }

    @Test
    void aMissingClasspathEntrySaysWhatToBuild() throws Exception {
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(notebook("%classpath missing.jar")));
        assertTrue(failure.getMessage().contains("missing.jar does not exist; build it with ./mvnw"), failure.getMessage());
    }
}
