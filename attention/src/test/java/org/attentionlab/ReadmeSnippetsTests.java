package org.attentionlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet in the README runs as written, each on its own in a fresh JShell with this
 * module's test class path (the attention jar, the kernels, Guice): no snippet may lean on another's
 * imports or variables.
 */
class ReadmeSnippetsTests {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetInTheReadmeRunsOnItsOwn() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String> snippets = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            snippets.add(m.group(1));
        }
        assertFalse(snippets.isEmpty(), "the README has Java snippets");
        return snippets.stream().map(code -> DynamicTest.dynamicTest(
                "README snippet " + (snippets.indexOf(code) + 1) + ": " + code.lines().filter(l -> !l.startsWith("import")).findFirst().orElse(""),
                () -> run(code)));
    }

    private static void run(String code) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        // the local execution engine runs snippets in this JVM: their System.out is ours
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
             JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
            System.setOut(out);
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            String remaining = code;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
                if (info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE
                        && info.completeness() != SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI) {
                    fail("incomplete snippet: " + remaining);
                }
                for (SnippetEvent event : shell.eval(info.source())) {
                    if (event.exception() != null) {
                        fail("'" + info.source().strip() + "' threw " + event.exception());
                    }
                    if (event.status() == Snippet.Status.REJECTED) {
                        fail("'" + info.source().strip() + "' does not compile: "
                                + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                    }
                }
                remaining = info.remaining();
            }
        } finally {
            System.setOut(systemOut);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(-1, output.indexOf("Exception"), output);
        assertTrue(code.contains("println") == !output.isBlank(), "a snippet that prints, printed: " + output);
    }
}
