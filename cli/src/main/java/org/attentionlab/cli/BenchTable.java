package org.attentionlab.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code attentionlab bench} prints: each kernel's median, GFLOP/s, and its time as a
 * ratio, as the benchmark report writes them ({@code 2.00×} = twice the time, {@code 0.50×} =
 * half): to the fastest kernel of the run, and to the reference kernel when it was timed.
 */
final class BenchTable {

    private BenchTable() {
    }

    /**
     * @param flops     operations per call, or 0 to leave the GFLOP/s column out
     * @param reference the reference kernel's id
     */
    static List<String> lines(List<KernelTiming> timings, double flops, String reference) {
        List<KernelTiming> sorted = timings.stream().sorted(Comparator.comparingDouble(KernelTiming::medianMillis)).toList();
        double fastest = sorted.get(0).medianMillis();
        KernelTiming referenceTiming = timings.stream().filter(t -> t.kernel().id().equals(reference)).findFirst().orElse(null);
        List<String> columns = new ArrayList<>(List.of("median ms"));
        if (flops > 0) {
            columns.add("GFLOP/s");
        }
        columns.add("÷ fastest");
        if (referenceTiming != null) {
            columns.add("÷ " + reference);
        }
        List<String> rows = sorted.stream().map(t -> t.kernel().id()).toList();
        return LabelledTable.cells("kernel", rows, columns, (row, column) -> {
            KernelTiming timing = sorted.get(row);
            String name = columns.get(column);
            double ms = timing.medianMillis();
            return switch (name) {
                case "median ms" -> String.format(Locale.ROOT, ms >= 100 ? "%.0f" : "%.3g", ms);
                case "GFLOP/s" -> String.format(Locale.ROOT, "%.2f", flops / (ms * 1e6));
                case "÷ fastest" -> ratio(ms / fastest);
                default -> ratio(ms / referenceTiming.medianMillis());
            };
        }).lines();
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
