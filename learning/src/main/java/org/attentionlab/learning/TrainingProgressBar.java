package org.attentionlab.learning;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for a training run (me.tongfei:progressbar): steps done, elapsed and remaining
 * time, and the latest batch loss. Pass it to {@link Trainer#train(org.attentionlab.api.Kernel,
 * TrainingSettings, Trainer.StepListener)} and close it when training returns.
 */
public final class TrainingProgressBar implements Trainer.StepListener, AutoCloseable {

    private final ProgressBar bar;

    /** A bar of {@code steps} steps written to {@code out}, in ASCII so that any terminal shows it. */
    public TrainingProgressBar(String task, int steps, PrintStream out) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(out, "out");
        this.bar = new ProgressBarBuilder()
                .setTaskName("train " + task)
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .setMaxRenderedLength(79)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .setUpdateIntervalMillis(200)
                .build();
    }

    @Override
    public void stepDone(int step, int steps, double loss) {
        bar.stepTo(step);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", loss));
    }

    @Override
    public void close() {
        bar.close();
    }
}
