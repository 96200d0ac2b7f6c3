package org.attentionlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Tensor;
import org.attentionlab.learning.ToyTask;
import org.attentionlab.learning.Trainer;
import org.attentionlab.learning.TrainingProgressBar;
import org.attentionlab.learning.TrainingResult;
import org.attentionlab.learning.TrainingSettings;
import org.attentionlab.pictures.AttentionHeatmap;
import org.attentionlab.pictures.HeadGrid;
import org.attentionlab.pictures.LineChart;
import org.attentionlab.pictures.Picture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code attentionlab train}: trains the tiny attention model on a toy task and writes what happened
 * as pictures: the loss curve and the attention map of one held-out sequence before and after
 * training. See {@link Trainer}.
 */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Trains a one-layer attention model on a toy task and draws what it learned.",
            "",
            "copy: every position must output the one marked token (A*..H*), so every query should"
                    + " attend to the marked position. reverse: position i must output the token at"
                    + " T-1-i, so the map should show the anti-diagonal. pronoun: in sentences like"
                    + " 'the dog did not cross the road because it was tired' each word outputs itself"
                    + " and 'it' its animal, so row 8 (it) should look at the animal. Writes loss.png,"
                    + " attention-before.png and attention-after.png (one held-out sequence,"
                    + " weights averaged over the heads) and attention-after-heads.png (each head)."
        })
public final class TrainCommand implements Callable<Integer> {

    /** The global options, {@code --kernel-path} among them. */
    @ParentCommand
    private AttentionLabCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--task", paramLabel = "copy|reverse|pronoun", required = true, converter = TaskConverter.class,
            description = "The toy task: copy (the marked token), reverse (the sequence) or pronoun"
                    + " (which noun 'it' is).")
    private ToyTask task;

    @Option(names = "--steps", paramLabel = "<N>", defaultValue = "300",
            description = "Adam steps, one batch of 32 sequences each. Default: ${DEFAULT-VALUE}.")
    private int steps;

    @Option(names = "--seed", paramLabel = "<long>", defaultValue = "1",
            description = "Seed of the weights, batches and held-out set. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--kernel", paramLabel = "<id>",
            description = "The kernel that does the arithmetic ('attentionlab kernels' lists them). Default: naive"
                    + " (the reference; these tensors are too small for the fast kernels to help).")
    private String kernelId;

    @Option(names = "--out", paramLabel = "<dir>", required = true,
            description = "The directory to write the PNG files to (created if missing).")
    private Path out;

    /** Accepts the task names in lower case, as the help shows them. */
    static final class TaskConverter implements picocli.CommandLine.ITypeConverter<ToyTask> {
        @Override
        public ToyTask convert(String value) {
            try {
                return ToyTask.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a task; choose copy, reverse or pronoun");
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        if (steps < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--steps': " + steps + " (need at least 1)");
        }
        PrintWriter printed = spec.commandLine().getOut();
        Kernels kernels = AttentionLabCommand.discoverKernels(parent, spec.commandLine().getErr()::println);
        Kernel kernel = kernels.byId(kernelId == null ? "naive" : kernelId);
        String name = task.name().toLowerCase(Locale.ROOT);
        TrainingSettings settings = TrainingSettings.of(task, steps, seed);
        printed.println("training " + name + ": " + steps + " steps of " + settings.batchSize() + " sequences, D="
                + settings.dModel() + ", H=" + settings.heads() + ", kernel " + kernel.id() + ", seed " + seed);
        printed.flush();

        TrainingResult result;
        try (TrainingProgressBar bar = new TrainingProgressBar(name, steps, System.err)) { // beside the output, not in it
            result = Trainer.train(kernel, settings, bar);
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        written.add(write(lossCurve(result), "loss.png"));
        written.add(write(map(result.mapBefore(0), result, "before training"), "attention-before.png"));
        written.add(write(map(result.mapAfter(0), result, "after " + steps + " steps, learned"), "attention-after.png"));
        written.add(write(HeadGrid.of(result.headMapsAfter(0), labels(result)), "attention-after-heads.png"));

        printed.println(String.format(Locale.ROOT, "done in %.1f s; loss %.4f -> %.4f", result.seconds(),
                result.losses()[0], result.losses()[steps - 1]));
        printed.println("held-out: " + Trainer.HELD_OUT + " sequences never seen in training");
        printed.println("  before: " + result.before());
        printed.println("  after:  " + result.after());
        task.decisiveQuery().ifPresent(row -> {
            printed.println("at row " + row + " (" + task.tokenName(result.heldOut().get(0).input()[row]) + ") alone:");
            printed.println("  before: " + result.beforeAtDecisiveQuery().orElseThrow());
            printed.println("  after:  " + result.afterAtDecisiveQuery().orElseThrow());
        });
        for (Path file : written) {
            printed.println("wrote " + file);
        }
        return 0;
    }

    private Path write(Picture picture, String file) throws IOException {
        return picture.writePng(out.resolve(file));
    }

    private LineChart lossCurve(TrainingResult result) {
        double[] losses = result.losses();
        double[] stepNumbers = IntStream.rangeClosed(1, losses.length).asDoubleStream().toArray();
        return LineChart.of("cross-entropy loss, " + task.name().toLowerCase(Locale.ROOT), "step", "batch loss")
                .withSeries("loss", stepNumbers, losses);
    }

    /** The map of held-out sequence 0, each token labelled with its position: "0 c", "1 F*", ... */
    private static Picture map(Tensor weights, TrainingResult result, String when) {
        String task = result.settings().task().name().toLowerCase(Locale.ROOT);
        return AttentionHeatmap.of(weights, labels(result)).withTitle(task + ": attention " + when + " (mean of heads)");
    }

    private static List<String> labels(TrainingResult result) {
        int[] ids = result.heldOut().get(0).input();
        return IntStream.range(0, ids.length).mapToObj(t -> t + " " + result.settings().task().tokenName(ids[t])).toList();
    }
}
