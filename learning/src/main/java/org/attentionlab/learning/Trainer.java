package org.attentionlab.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Tensor;

/**
 * The training loop, small enough to read in one sitting: draw a batch, forward, loss, backward,
 * one Adam step; repeat. Seeded and deterministic: the same settings and kernel give the same
 * losses, weights and maps.
 *
 * <pre>
 *   for step in 1..N:
 *       ids, targets = batch of the task             [B][T]
 *       pass         = model.forward(ids)            logits [B, T, V]
 *       loss, dz     = CrossEntropy(logits, targets)
 *       gradients    = model.backward(pass, dz)      one per parameter
 *       model        = Adam.step(parameters, gradients)
 * </pre>
 *
 * <p>Held-out sequences are drawn before training and never appear in a training batch, so the
 * accuracy it reports is on sequences the model has not seen.
 */
public final class Trainer {

    /** The number of held-out sequences the model is evaluated on. */
    public static final int HELD_OUT = 256;

    /** Told after every step, e.g. to move a progress bar. */
    @FunctionalInterface
    public interface StepListener {
        /** {@code step} of {@code steps} is done with this batch loss. */
        void stepDone(int step, int steps, double loss);
    }

    private Trainer() {
    }

    /** Trains a fresh model on {@code kernel} without telling anyone about the steps. */
    public static TrainingResult train(Kernel kernel, TrainingSettings settings) {
        return train(kernel, settings, (step, steps, loss) -> { });
    }

    /** Trains a fresh model on {@code kernel}, telling {@code listener} after every step. */
    public static TrainingResult train(Kernel kernel, TrainingSettings settings, StepListener listener) {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        ToyTask task = settings.task();
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        AttentionModel model = AttentionModel.initialized(kernel, task.vocabularySize(), task.length(),
                settings.dModel(), settings.heads(), seeds.nextLong());
        List<ToyTask.Example> heldOut = heldOut(task, seeds.nextLong());
        Set<List<Integer>> unseen = new HashSet<>();
        heldOut.forEach(e -> unseen.add(asList(e.input())));
        SplittableRandom batches = new SplittableRandom(seeds.nextLong());

        AttentionModel initial = model;
        Adam adam = new Adam(settings.learningRate());
        double[] losses = new double[settings.steps()];
        for (int step = 0; step < settings.steps(); step++) {
            List<ToyTask.Example> batch = batch(task, settings.batchSize(), batches, unseen);
            int[][] ids = batch.stream().map(ToyTask.Example::input).toArray(int[][]::new);        // [B][T]
            int[][] targets = batch.stream().map(ToyTask.Example::target).toArray(int[][]::new);   // [B][T]
            AttentionModel.Pass pass = model.forward(ids);                                         // logits [B, T, V]
            CrossEntropy loss = CrossEntropy.of(kernel, pass.logits(), targets);
            List<Tensor> gradients = model.backward(pass, loss.dLogits());
            model = model.withParameters(adam.step(model.parameters(), gradients));
            losses[step] = loss.loss();
            listener.stepDone(step + 1, settings.steps(), loss.loss());
        }
        long trainingNanos = System.nanoTime() - start;
        return new TrainingResult(settings, losses, initial, model, heldOut,
                Evaluation.of(initial, heldOut), Evaluation.of(model, heldOut), trainingNanos);
    }

    /** {@value #HELD_OUT} distinct sequences of {@code task}, drawn from {@code seed}. */
    static List<ToyTask.Example> heldOut(ToyTask task, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<List<Integer>> seen = new HashSet<>();
        List<ToyTask.Example> examples = new ArrayList<>();
        while (examples.size() < HELD_OUT) {
            ToyTask.Example e = task.example(random);
            if (seen.add(asList(e.input()))) {
                examples.add(e);
            }
        }
        return List.copyOf(examples);
    }

    /** {@code size} training sequences, none of them in {@code excluded}. */
    private static List<ToyTask.Example> batch(ToyTask task, int size, SplittableRandom random,
                                               Set<List<Integer>> excluded) {
        List<ToyTask.Example> batch = new ArrayList<>(size);
        while (batch.size() < size) {
            ToyTask.Example e = task.example(random);
            if (!excluded.contains(asList(e.input()))) {
                batch.add(e);
            }
        }
        return batch;
    }

    private static List<Integer> asList(int[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
