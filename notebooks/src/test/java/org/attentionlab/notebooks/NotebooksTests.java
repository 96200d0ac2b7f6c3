package org.attentionlab.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook in {@code notebooks/*.ipynb}, one dynamic test each, in name order, and
 * writes the executed copies to {@code notebooks/target/executed/} (or over the notebooks themselves
 * with {@code -Dnotebooks.publish=true}; see notebooks/README.md).
 */
class NotebooksTests {

    private static final Path DIRECTORY = Path.of(System.getProperty("notebooks.directory", "."));
    private static final Path EXECUTED = Path.of(System.getProperty("notebooks.executed", "target/executed"));
    private static final boolean PUBLISH = Boolean.getBoolean("notebooks.publish");
    private static final NotebookRunner RUNNER = new NotebookRunner(System.getProperty("notebooks.jshell.options", ""));

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCellByCell() throws IOException {
        List<Path> notebooks = notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks in " + DIRECTORY.toAbsolutePath());
        return notebooks.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Notebook executed = RUNNER.run(file);
            executed.write(EXECUTED.resolve(file.getFileName()));
            if (PUBLISH) {
                executed.write(file);
            }
        }));
    }
}
