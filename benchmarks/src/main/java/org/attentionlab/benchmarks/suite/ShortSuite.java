package org.attentionlab.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.attentionlab.api.Kernels;
import org.attentionlab.benchmarks.OpenBlasCoreTypes;
import org.attentionlab.benchmarks.report.JmhResults;
import org.attentionlab.benchmarks.report.MachineInfo;
import org.attentionlab.benchmarks.report.ReportWriter;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The short suite: a few minutes of JMH on the lessons and the peers at the sizes that tell the
 * story, then the report. {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.attentionlab.benchmarks.suite.ShortSuite [folder]} (default {@code benchmarks/target/report}).
 *
 * <p>Short means: one fork per parameter set, one warm-up of {@value #WARMUP_MS} ms and
 * {@value #ITERATIONS} measured iterations of {@value #ITERATION_MS} ms (a call longer than that
 * is one call per iteration), and
 * sizes up to n = 1024 and T = 1024. Every kernel that discovery finds is measured; the reference
 * kernel ({@value Kernels#REFERENCE_ID}) only at the smallest sizes, since its products take
 * seconds from n = 1024 on and it is the oracle, not a contender. The full grids (n to 2048, T to
 * 8192) are the lessons' own defaults: run them with the jar's main class.
 *
 * <p>Each part writes {@code name.json} (JMH's results) and {@code name.log} (JMH's own output)
 * into the folder; the report reads every {@code .json} there.
 */
public final class ShortSuite {

    static final int ITERATIONS = 3;
    static final int ITERATION_MS = 400;

    /**
     * One warm-up iteration this long. Vector API code is slow until C2 has compiled it: the simd
     * kernel's attention at T = 256 took 7.5 ms a call for its first 170 calls (about 1.5 s), then
     * 2.5 ms. With a warm-up of 400 ms the report measured the JIT, not the kernel.
     */
    static final int WARMUP_MS = 2000;

    private static final String PEERS = "org.attentionlab.benchmarks.peers.";

    private final Path folder;
    private final List<String> notes = new ArrayList<>();

    private ShortSuite(Path folder) {
        this.folder = folder;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "benchmarks/target/report");
        new ShortSuite(folder).run();
    }

    private void run() throws IOException, RunnerException, InterruptedException {
        Files.createDirectories(folder);
        try (var old = Files.list(folder)) {
            for (Path file : old.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".log")).toList()) {
                Files.delete(file); // a report is one run: results of an earlier run must not mix in
            }
        }
        MachineInfo machine = MachineInfo.current();
        List<SuitePart> parts = parts(machine);
        System.out.println("Short suite: " + parts.size() + " JMH runs, results and logs in " + folder.toAbsolutePath());
        long start = System.nanoTime();
        for (int i = 0; i < parts.size(); i++) {
            SuitePart part = parts.get(i);
            long partStart = System.nanoTime();
            System.out.printf("[%d/%d] %s ... ", i + 1, parts.size(), part.description());
            System.out.flush();
            if (part.environment().isEmpty()) {
                runHere(part);
            } else {
                runInChildProcess(part);
            }
            System.out.printf("%.0f s%n", (System.nanoTime() - partStart) / 1e9);
        }
        longSequenceFailures();
        Path report = new ReportWriter(JmhResults.readFolder(folder), machine, notes).write(folder);
        System.out.printf("Done in %.0f s. Report: %s%n", (System.nanoTime() - start) / 1e9, report.toAbsolutePath());
    }

    /** What the short suite measures, in order. */
    private List<SuitePart> parts(MachineInfo machine) {
        List<String> all = Kernels.discover().ids();
        List<String> contenders = all.stream().filter(id -> !id.equals(Kernels.REFERENCE_ID)).toList();
        List<String> reference = all.contains(Kernels.REFERENCE_ID) ? List.of(Kernels.REFERENCE_ID) : List.of();
        String many = Integer.toString(Math.max(1, machine.cores()));
        List<String> threads = many.equals("1") ? List.of("1") : List.of("1", many);
        notes.add("Kernels found by discovery: " + all + "; threads measured: " + threads + ".");
        org.attentionlab.benchmarks.VectorApiNotice.ifMissing().ifPresent(missing -> {
            System.err.println(missing);
            notes.add(missing);
        });

        List<SuitePart> parts = new ArrayList<>();
        String matmul = "\\.Lesson01_Matmul\\.matmul$";
        String softmax = "\\.Lesson02_Softmax\\.softmax$";
        String attention = "\\.Lesson03_AttentionForward\\.attention$";
        if (!reference.isEmpty()) {
            parts.add(SuitePart.of("01-matmul-reference", "matmul n=256, reference kernel", matmul,
                    Map.of("kernel", reference, "n", List.of("256"), "threads", List.of("1"))));
            parts.add(SuitePart.of("03-attention-reference", "attention T=256, reference kernel", attention,
                    Map.of("kernel", reference, "t", List.of("256"), "mask", List.of("none", "causal"), "threads", List.of("1"))));
        }
        if (!contenders.isEmpty()) {
            parts.add(SuitePart.of("01-matmul", "matmul n=256,1024", matmul,
                    Map.of("kernel", contenders, "n", List.of("256", "1024"), "threads", threads)));
            parts.add(SuitePart.of("02-softmax", "softmax [1,8,1024,1024]", softmax,
                    Map.of("kernel", all, "t", List.of("1024"), "mask", List.of("none", "causal"), "threads", List.of("1"))));
            parts.add(SuitePart.of("03-attention", "attention T=256,512,1024, 1 thread", attention,
                    Map.of("kernel", contenders, "t", List.of("256", "512", "1024"), "mask", List.of("none", "causal"),
                            "threads", List.of("1"))));
            if (threads.size() > 1) {
                parts.add(SuitePart.of("03-attention-threads", "attention T=1024, " + many + " threads", attention,
                        Map.of("kernel", contenders, "t", List.of("1024"), "mask", List.of("none", "causal"),
                                "threads", List.of(many))));
            }
            parts.add(SuitePart.of("04-composed-vs-fused", "composed against fused, T=1024, with -prof gc",
                    "\\.Lesson04_ComposedVsFused\\.", Map.of("kernel", contenders, "t", List.of("1024"), "mask",
                            List.of("none"), "threads", List.of("1"))).withGcProfiler());
            String fastest = Kernels.discover().defaultKernel().id(); // the highest priority
            parts.add(SuitePart.of("05-memory", "fused T=16384 under -Xmx1g, kernel " + fastest, "\\.Lesson05_Memory\\.",
                    Map.of("kernel", List.of(fastest), "threads", List.of(many))));
        }
        if (peersBuilt()) {
            for (String coreType : OpenBlasCoreTypes.supported(machine.cpuFlags())) {
                SuitePart openBlas = SuitePart.of("10-openblas-" + coreType, "OpenBLAS sgemm, core type " + coreType,
                        "\\.peers\\.OpenBlas\\.matmul$", Map.of("n", List.of("256", "1024"), "threads", threads,
                                "coreType", List.of(coreType)));
                parts.add(coreType.equals(OpenBlasCoreTypes.AUTO)
                        ? openBlas.withEnvironment("OPENBLAS_CORETYPE", "")
                        : openBlas.withEnvironment(OpenBlasCoreTypes.VARIABLE, coreType));
            }
            parts.add(SuitePart.of("11-ejml", "EJML matmul", "\\.peers\\.Ejml\\.matmul$",
                    Map.of("n", List.of("256", "1024"), "threads", threads)));
            parts.add(SuitePart.of("12-pytorch-matmul", "PyTorch matmul", "\\.peers\\.PyTorch\\.matmul$",
                    Map.of("n", List.of("256", "1024"), "threads", threads)));
            parts.add(SuitePart.of("13-pytorch-attention", "PyTorch fused SDPA T=256,512,1024",
                    "\\.peers\\.PyTorch\\.attention$", Map.of("t", List.of("256", "512", "1024"),
                            "mask", List.of("none", "causal"), "threads", List.of("1"))));
            if (threads.size() > 1) {
                parts.add(SuitePart.of("13-pytorch-attention-threads", "PyTorch fused SDPA T=1024, " + many + " threads",
                        "\\.peers\\.PyTorch\\.attention$", Map.of("t", List.of("1024"), "mask", List.of("none", "causal"),
                                "threads", List.of(many))));
            }
        } else {
            notes.add("Peers not measured: they are built only with -Pbenchmarks (see the README's Benchmarks section).");
        }
        return parts;
    }

    private static boolean peersBuilt() {
        try {
            Class.forName(PEERS + "OpenBlas", false, ShortSuite.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private void runHere(SuitePart part) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().include(part.include())
                .forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(WARMUP_MS))
                .measurementIterations(ITERATIONS).measurementTime(TimeValue.milliseconds(ITERATION_MS))
                .resultFormat(ResultFormatType.JSON).result(folder.resolve(part.name() + ".json").toString())
                .output(folder.resolve(part.name() + ".log").toString()).shouldFailOnError(false);
        part.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
        if (part.gcProfiler()) {
            options.addProfiler(GCProfiler.class);
        }
        if (part.name().startsWith("05-")) { // lesson 5 is one single shot by design
            options.warmupIterations(0).measurementIterations(1);
        }
        new Runner(options.build()).run();
    }

    /** The same run in a JMH process of its own, with the part's environment (which its forks inherit). */
    private void runInChildProcess(SuitePart part) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "org.openjdk.jmh.Main", part.include(), "-f", "1", "-wi", "1", "-w", WARMUP_MS + "ms",
                "-i", Integer.toString(ITERATIONS), "-r", ITERATION_MS + "ms", "-foe", "false",
                "-rf", "json", "-rff", folder.resolve(part.name() + ".json").toString(),
                "-o", folder.resolve(part.name() + ".log").toString()));
        part.params().forEach((name, values) -> command.addAll(List.of("-p", name + "=" + String.join(",", values))));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(part.name() + ".process.txt").toFile());
        part.environment().forEach((variable, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        Process jmh = builder.start();
        if (!jmh.waitFor(20, TimeUnit.MINUTES)) {
            jmh.destroyForcibly();
            notes.add(part.description() + ": stopped after 20 minutes.");
        } else if (jmh.exitValue() != 0) {
            notes.add(part.description() + ": the JMH process exited with " + jmh.exitValue() + ", see "
                    + part.name() + ".process.txt.");
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Why lesson 5 did not complete, if it did not: the first exception line of its log. */
    private void longSequenceFailures() throws IOException {
        Path log = folder.resolve("05-memory.log");
        if (!Files.exists(log)) {
            return;
        }
        Optional<String> error = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches("^\\S*(Exception|Error): .*")).findFirst();
        error.ifPresent(line -> notes.add("Lesson 5 (fused attention, T=16384, -Xmx1g) did not complete: " + line));
    }
}
