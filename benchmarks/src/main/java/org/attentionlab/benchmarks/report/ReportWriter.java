package org.attentionlab.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.attentionlab.benchmarks.AttentionShapes;

/**
 * Writes {@code report.md} (and the chart beside it) from JMH's results: each kernel's median
 * beside every peer's at the same size, mask and thread count, as ratios; the machine; composed
 * against fused attention, with the bytes each allocates; and the long-sequence memory test.
 */
public final class ReportWriter {

    /** The report's file name. */
    public static final String FILE = "report.md";

    private static final List<String> MAIN_LESSONS = List.of("Lesson01_Matmul", "Lesson02_Softmax", "Lesson03_AttentionForward");
    private static final List<String> OPERATIONS = List.of("matmul", "softmax", "attention");

    private final List<Result> results;
    private final MachineInfo machine;
    private final List<String> notes;

    /**
     * @param notes lines the suite adds, e.g. what it could not measure and why
     */
    public ReportWriter(List<Result> results, MachineInfo machine, List<String> notes) {
        this.results = List.copyOf(results);
        this.machine = machine;
        this.notes = List.copyOf(notes);
    }

    /** Writes {@value #FILE} and {@value AttentionChart#FILE} into {@code folder}; returns the report's path. */
    public Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        boolean chart = AttentionChart.write(folder, results);
        Path report = folder.resolve(FILE);
        Files.writeString(report, markdown(chart), StandardCharsets.UTF_8);
        return report;
    }

    /** The whole report as Markdown. */
    String markdown(boolean withChart) {
        StringBuilder md = new StringBuilder();
        md.append("# Attention Lab benchmark report\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" by JMH, every figure in this one run, side by side. ")
                .append("Times are medians of the measured iterations, in ms per call. On a shared or busy machine ")
                .append("the figures are noisy: compare the ratios within one report, and do not tune on one run.\n\n");
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        if (!notes.isEmpty()) {
            md.append('\n');
        }
        machine(md);
        comparison(md);
        peers(md);
        composedAgainstFused(md);
        longSequence(md);
        if (withChart) {
            md.append("## Attention time against T\n\n")
                    .append("Log-log axes: a straight line parallel to the dashed guide is a time that grows with T².\n\n")
                    .append("![attention time against T](").append(AttentionChart.FILE).append(")\n");
        }
        return md.toString();
    }

    private void machine(StringBuilder md) {
        Set<Integer> threads = results.stream().map(Result::threads).collect(Collectors.toCollection(TreeSet::new));
        String jdks = results.stream().map(Result::jdk).distinct().collect(Collectors.joining("; "));
        md.append("## Machine\n\n");
        md.append("- CPU: ").append(machine.cpuModel()).append(", ").append(machine.cores()).append(" cores seen by the JVM\n");
        md.append("- AVX2: ").append(yesNo(machine.has("avx2"))).append("; AVX-512F: ").append(yesNo(machine.has("avx512f")))
                .append(machine.has("avx512f") ? "" : " (so OpenBLAS's SkylakeX core type is not measured: it would crash)")
                .append('\n');
        md.append("- Caches (lscpu): ")
                .append(machine.caches().isEmpty() ? "not reported on this machine" : String.join("; ", machine.caches()))
                .append('\n');
        md.append("- JDK: ").append(jdks.isEmpty() ? machine.jdk() : jdks).append('\n');
        md.append("- Thread counts measured: ").append(threads.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append(" (our parallel kernels: the common ForkJoinPool's parallelism; OpenBLAS, libtorch, EJML: their own setting)\n\n");
        md.append("<details><summary>CPU flags (/proc/cpuinfo)</summary>\n\n```\n")
                .append(String.join(" ", new TreeSet<>(machine.cpuFlags()))).append("\n```\n</details>\n\n");
    }

    private void comparison(StringBuilder md) {
        List<Peer> peers = peersPresent();
        md.append("## Kernels against the peers\n\n");
        md.append("Ratio = the kernel's median time ÷ the peer's, at the same size, mask and thread count: 1.00× is a tie, ")
                .append("4.00× four times slower, 0.80× faster. OpenBLAS: the faster of its core types. GFLOP/s counts ")
                .append("2n³ for a product and 4·H·T²·Dk for attention (the unmasked count, for both masks).\n\n");
        StringBuilder header = new StringBuilder("| op | n or T | mask | threads | kernel | median ms | GFLOP/s |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|---|---|---|");
        for (Peer peer : peers) {
            header.append(" ÷ ").append(peer.displayName()).append(" |");
            rule.append("---|");
        }
        md.append(header).append('\n').append(rule).append('\n');
        results.stream().filter(r -> !r.isPeer() && MAIN_LESSONS.contains(r.className()))
                .sorted(byOperationThenSize()).forEach(r -> {
                    md.append("| ").append(r.method()).append(" | ").append(r.size()).append(" | ").append(r.mask())
                            .append(" | ").append(r.threads()).append(" | ").append(r.who()).append(" | ")
                            .append(millis(r.medianMillis())).append(" | ").append(gflops(r)).append(" |");
                    for (Peer peer : peers) {
                        md.append(' ').append(bestPeer(peer, r.comparisonKey())
                                .map(p -> ratio(r.medianMillis() / p.medianMillis())).orElse("—")).append(" |");
                    }
                    md.append('\n');
                });
        md.append('\n');
    }

    private void peers(StringBuilder md) {
        List<Result> peerResults = results.stream().filter(Result::isPeer).sorted(byOperationThenSize()).toList();
        if (peerResults.isEmpty()) {
            return;
        }
        md.append("## The peers\n\n| op | n or T | mask | threads | peer | median ms | GFLOP/s | note |\n|---|---|---|---|---|---|---|---|\n");
        for (Result r : peerResults) {
            String note = "";
            if (r.params().containsKey("coreType")) {
                boolean best = bestPeer(Peer.OPENBLAS, r.comparisonKey()).filter(b -> b == r).isPresent();
                note = "OPENBLAS_CORETYPE " + r.params().get("coreType") + (best ? " (reference)" : "");
            } else if (r.who().equals(Peer.PYTORCH.displayName()) && r.method().equals("attention")) {
                note = "fused scaled_dot_product_attention (TorchScript)";
            }
            md.append("| ").append(r.method()).append(" | ").append(r.size()).append(" | ").append(r.mask()).append(" | ")
                    .append(r.threads()).append(" | ").append(r.who()).append(" | ").append(millis(r.medianMillis()))
                    .append(" | ").append(gflops(r)).append(" | ").append(note).append(" |\n");
        }
        md.append('\n');
    }

    private void composedAgainstFused(StringBuilder md) {
        List<Result> composed = results.stream()
                .filter(r -> r.className().equals("Lesson04_ComposedVsFused") && r.method().equals("composed"))
                .sorted(byOperationThenSize()).toList();
        if (composed.isEmpty()) {
            return;
        }
        md.append("## Composed against fused attention (lesson 4)\n\n")
                .append("Composed: `attentionWithWeights`, which holds the scores and weights [1, 8, T, T]; fused: `attention`, ")
                .append("the output alone (fused on kernels with a fused path, else the composed path without the weights). ")
                .append("MiB per call from JMH's gc profiler (`gc.alloc.rate.norm`).\n\n")
                .append("| kernel | T | mask | threads | composed ms | fused ms | composed ÷ fused | composed MiB/call | fused MiB/call |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Result c : composed) {
            Optional<Result> fused = results.stream().filter(r -> r.className().equals(c.className())
                    && r.method().equals("fused") && r.who().equals(c.who()) && r.params().equals(c.params())).findFirst();
            md.append("| ").append(c.who()).append(" | ").append(c.size()).append(" | ").append(c.mask()).append(" | ")
                    .append(c.threads()).append(" | ").append(millis(c.medianMillis())).append(" | ")
                    .append(fused.map(f -> millis(f.medianMillis())).orElse("—")).append(" | ")
                    .append(fused.map(f -> ratio(c.medianMillis() / f.medianMillis())).orElse("—")).append(" | ")
                    .append(mebibytes(c)).append(" | ").append(fused.map(ReportWriter::mebibytes).orElse("—")).append(" |\n");
        }
        md.append('\n');
    }

    private void longSequence(StringBuilder md) {
        List<Result> runs = results.stream().filter(r -> r.className().equals("Lesson05_Memory")).toList();
        md.append("## Fused attention at T = 16384 under -Xmx1g (lesson 5)\n\n");
        if (runs.isEmpty()) {
            md.append("No kernel completed it in this run (see the notes at the top for the reason).\n\n");
            return;
        }
        for (Result r : runs) {
            md.append("- `").append(r.who()).append("`, ").append(r.threads()).append(" thread(s): completed in ")
                    .append(String.format(Locale.ROOT, "%.1f s", r.medianMillis() / 1000)).append(" (one call, B=1, H=8, Dk=64, T=")
                    .append(r.size()).append(")\n");
        }
        md.append('\n');
    }

    /** The peer's result for this comparison key: for OpenBLAS the fastest of its core types. */
    Optional<Result> bestPeer(Peer peer, String key) {
        return results.stream().filter(r -> r.isPeer() && r.who().equals(peer.displayName()) && r.comparisonKey().equals(key))
                .min(Comparator.comparingDouble(Result::medianMillis));
    }

    private List<Peer> peersPresent() {
        List<Peer> present = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            if (results.stream().anyMatch(r -> r.isPeer() && r.who().equals(peer.displayName()))) {
                present.add(peer);
            }
        }
        return present;
    }

    private static Comparator<Result> byOperationThenSize() {
        return Comparator.comparingInt((Result r) -> OPERATIONS.indexOf(r.method()) < 0 ? OPERATIONS.size() : OPERATIONS.indexOf(r.method()))
                .thenComparingInt(Result::size).thenComparing(r -> !r.mask().equals("none")).thenComparingInt(Result::threads)
                .thenComparing(Result::who);
    }

    private static String gflops(Result r) {
        double flops = switch (r.method()) {
            case "matmul" -> 2.0 * r.size() * r.size() * r.size();
            case "attention" -> AttentionShapes.flops(r.size());
            default -> 0;
        };
        return flops == 0 ? "—" : String.format(Locale.ROOT, "%.2f", flops / (r.medianMillis() * 1e6));
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.3g", ms);
    }

    private static String mebibytes(Result r) {
        return r.bytesPerCall().isPresent()
                ? String.format(Locale.ROOT, "%.1f", r.bytesPerCall().getAsDouble() / (1 << 20)) : "—";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
