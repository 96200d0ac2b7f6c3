package org.attentionlab.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The build's proof that every starter under {@code assignments/} works: its stub compiles against
 * the api jar and the test kit and fails the kit with "not implemented yet"; with a correct
 * solution in place of the stub (the project's own implementations, so no solution ships in a
 * starter), the same tests pass. Each run is a fresh JVM, as a student's {@code mvn test} is.
 */
class StartersTests {

    /** Each starter, the stub it ships and a solution that delegates to the project's implementation. */
    enum Starter {
        KERNEL("01-kernel", "MyKernel", """
                package com.example;
                import org.attentionlab.api.*;
                public final class MyKernel implements Kernel {
                    private final Kernel reference = new org.attentionlab.kernels.naive.NaiveKernel();
                    public String id() { return "my-kernel"; }
                    public int priority() { return -1; }
                    public Tensor matmul(Tensor a, Tensor b, RightOperand op) { return reference.matmul(a, b, op); }
                    public Tensor softmax(Tensor s, float scale, Mask m) { return reference.softmax(s, scale, m); }
                }
                """),
        ATTENTION_LAYER("02-attention-layer", "MyAttention", """
                package com.example;
                import org.attentionlab.api.*;
                public final class MyAttention implements AttentionLayer {
                    private final AttentionLayer solution;
                    public MyAttention(Kernel kernel) { solution = new org.attentionlab.attention.ScaledDotProductAttention(kernel); }
                    public AttentionResult forward(Tensor q, Tensor k, Tensor v, Mask m) {
                        try {
                            return solution.forward(q, k, v, m);
                        } catch (IllegalArgumentException e) { // the kit wants the layer's own name in its errors
                            throw new IllegalArgumentException(e.getMessage().replace("ScaledDotProductAttention", "MyAttention"), e);
                        }
                    }
                }
                """),
        POSITIONAL_ENCODING("03-positional-encoding", "MyPositionalEncoding", """
                package com.example;
                import org.attentionlab.api.*;
                public final class MyPositionalEncoding implements PositionalEncoding {
                    private final PositionalEncoding solution;
                    public MyPositionalEncoding(int dModel) { solution = new org.attentionlab.position.SinusoidalPositionalEncoding(dModel); }
                    public int dModel() { return solution.dModel(); }
                    public Tensor encodings(int length) { return solution.encodings(length); }
                }
                """),
        FAST_KERNEL("04-fast-kernel", "FastKernel", """
                package com.example;
                import org.attentionlab.api.*;
                public final class FastKernel implements Kernel {
                    private final Kernel blocked = new org.attentionlab.kernels.blocked.BlockedKernel();
                    public String id() { return "fast-kernel"; }
                    public int priority() { return 5; }
                    public Tensor matmul(Tensor a, Tensor b, RightOperand op) { return blocked.matmul(a, b, op); }
                    public Tensor softmax(Tensor s, float scale, Mask m) { return blocked.softmax(s, scale, m); }
                }
                """),
        BACKWARD("05-backward", "MySoftmaxBackward", """
                package com.example;
                import org.attentionlab.api.*;
                public final class MySoftmaxBackward {
                    public static Tensor forward(Kernel k, Tensor s, float scale, Mask m) { return k.softmax(s, scale, m); }
                    public static Tensor backward(Kernel k, Tensor w, Tensor dw, float scale, Mask m) {
                        return org.attentionlab.learning.Softmax.backward(k, w, dw, scale, m);
                    }
                }
                """);

        final String directory;
        final String stubClass;
        final String solution;

        Starter(String directory, String stubClass, String solution) {
            this.directory = directory;
            this.stubClass = stubClass;
            this.solution = solution;
        }

        Path root() {
            return Path.of(directory); // surefire runs in assignments/
        }
    }

    private static final Pattern RESULT = Pattern.compile("RESULT tests=(\\d+) failed=(\\d+)");

    @ParameterizedTest
    @EnumSource(Starter.class)
    void theStubCompilesAndFailsTheKitSayingNotImplementedYet(Starter starter, @TempDir Path work) throws Exception {
        Path classes = compile(starter, work, false);

        Run run = runTests(starter, classes);

        assertTrue(run.tests() > 0, "the starter's tests ran:\n" + run.output());
        assertTrue(run.failed() > 0, "a stub must fail the kit:\n" + run.output());
        assertTrue(run.output().contains("not implemented yet"), "the failures say why:\n" + run.output());
    }

    @ParameterizedTest
    @EnumSource(Starter.class)
    void aCorrectSolutionInPlaceOfTheStubPassesTheKit(Starter starter, @TempDir Path work) throws Exception {
        Path classes = compile(starter, work, true);

        Run run = runTests(starter, classes);

        assertTrue(run.tests() > 0, "the starter's tests ran:\n" + run.output());
        assertEquals(0, run.failed(), "a correct solution passes:\n" + run.output());
    }

    /** The starter's main and test sources, with the solution in place of the stub if asked, compiled into {@code work}. */
    private static Path compile(Starter starter, Path work, boolean withSolution) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(starter.root().resolve("src/main/java")),
                Files.walk(starter.root().resolve("src/test/java")))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        if (withSolution) {
            Path solution = work.resolve("solution/com/example/" + starter.stubClass + ".java");
            Files.createDirectories(solution.getParent());
            Files.writeString(solution, starter.solution, StandardCharsets.UTF_8);
            sources.removeIf(s -> s.endsWith("/" + starter.stubClass + ".java"));
            sources.add(solution.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path")));
        args.addAll(sources);
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        assertEquals(0, status, starter.directory + " does not compile" + (withSolution ? " with the solution" : ""));
        Path resources = starter.root().resolve("src/main/resources");
        if (Files.isDirectory(resources)) {
            try (Stream<Path> files = Files.walk(resources)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = classes.resolve(resources.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        return classes;
    }

    private record Run(int tests, int failed, String output) {
    }

    /** The starter's tests in a child JVM with the flags its pom gives surefire. */
    private static Run runTests(Starter starter, Path classes) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 10 cases per law: enough to prove stub and solution; a student's own run uses the kit's default
        Process process = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-XX:-OmitStackTraceInFastThrow",
                "-Dattentionlab.testkit.tries=10",
                "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"), StarterRun.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), starter.directory + " did not finish");
        Matcher m = RESULT.matcher(output);
        assertTrue(m.find(), "no summary from " + starter.directory + ":\n" + output);
        return new Run(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), output);
    }
}
