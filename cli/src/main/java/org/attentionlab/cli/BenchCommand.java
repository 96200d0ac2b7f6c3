package org.attentionlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code attentionlab bench}: a quick side-by-side timing of every kernel found (and those in the
 * jars named with {@code --kernel-path}) on one operation and size, with a progress bar and the
 * ratios the benchmark report uses. Quick, not careful: the JMH lessons of the benchmarks module
 * are the reference harness, and the output says so.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Times every kernel found on one operation and size, side by side.",
            "",
            "A quick look (a warm-up call, then the median of a few calls); the JMH benchmarks in the"
                    + " benchmarks module are the reference harness."
        })
public final class BenchCommand implements Callable<Integer> {

    /** The largest size accepted: a product or attention beyond it takes minutes on the slow kernels. */
    static final int MAX_SIZE = 8192;

    @Spec
    private CommandSpec spec;

    @Option(names = "--op", paramLabel = "<op>", defaultValue = "attention",
            description = "matmul, softmax or attention (default: ${DEFAULT-VALUE}).")
    private String operation;

    @Option(names = "--n", paramLabel = "<n>", defaultValue = "256",
            description = "Matrix side for matmul, [n, n]·[n, n] (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--t", paramLabel = "<T>", defaultValue = "256",
            description = "Sequence length for softmax and attention, B=1, H=8, Dk=64 (default: ${DEFAULT-VALUE}).")
    private int t;

    @Option(names = "--mask", paramLabel = "<mask>", defaultValue = "none",
            description = "none or causal, for softmax and attention (default: ${DEFAULT-VALUE}).")
    private String mask;

    @Option(names = "--repeat", paramLabel = "<count>", defaultValue = "5",
            description = "Timed calls per kernel, after one warm-up call (default: ${DEFAULT-VALUE}).")
    private int repeat;

    /** The global options: {@code --kernel-path} (plugin jars and class folders) and {@code --width}. */
    @ParentCommand
    private AttentionLabCommand parent;

    @Override
    public Integer call() {
        BenchOperation op = parseOperation();
        int size = op == BenchOperation.MATMUL ? checkedSize("--n", n) : checkedSize("--t", t);
        Mask chosenMask = parseMask();
        if (repeat < 1 || repeat > 1000) {
            throw new ParameterException(spec.commandLine(), "--repeat must be between 1 and 1000, got " + repeat);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Kernels kernels = AttentionLabCommand.discoverKernels(parent, err::println);
        List<Kernel> all = kernels.all();
        if (all.isEmpty()) {
            kernels.defaultKernel(); // throws, saying which artifact to add
        }
        out.println("Timing " + all.size() + " kernels on " + op.describe(size, mask.strip()) + ":");
        out.println("One warm-up call, then the median of " + repeat + " calls per kernel; parallel");
        out.println("kernels compute on this thread and the common ForkJoin pool's "
                + java.util.concurrent.ForkJoinPool.commonPool().getParallelism() + " worker(s).");
        out.flush();
        Function<Kernel, Tensor> call = op.call(size, chosenMask);
        List<KernelTiming> timings = new ArrayList<>();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("bench").setInitialMax((long) all.size() * (repeat + 1))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(progressConsumer()).setUpdateIntervalMillis(200)
                .build()) {
            for (Kernel kernel : all) {
                bar.setExtraMessage(kernel.id());
                timings.add(KernelTiming.measure(kernel, call, repeat, bar::step));
            }
        }
        out.println();
        BenchTable.lines(timings, op.flops(size), Kernels.REFERENCE_ID).forEach(out::println);
        out.println();
        out.println("A quick look, not a measurement. For figures to trust, with OpenBLAS and");
        out.println("PyTorch beside them, run the JMH benchmarks, the reference harness");
        out.println("(README, section Benchmarks).");
        return 0;
    }

    /** The bar on the terminal, redrawn in place; nothing when the output is not a terminal (a pipe, a test). */
    private static ProgressBarConsumer progressConsumer() {
        return System.console() != null ? new ConsoleProgressBarConsumer(System.err, 79)
                : new DelegatingProgressBarConsumer(line -> { });
    }

    private BenchOperation parseOperation() {
        try {
            return BenchOperation.valueOf(operation.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--op must be matmul, softmax or attention, got '" + operation + "'");
        }
    }

    private Mask parseMask() {
        return switch (mask.strip()) {
            case "none" -> Mask.none();
            case "causal" -> Mask.causal();
            default -> throw new ParameterException(spec.commandLine(), "--mask must be none or causal, got '" + mask + "'");
        };
    }

    private int checkedSize(String option, int value) {
        if (value < 1 || value > MAX_SIZE) {
            throw new ParameterException(spec.commandLine(), option + " must be between 1 and " + MAX_SIZE + ", got " + value);
        }
        return value;
    }
}
