package org.attentionlab.learning;

import java.util.Objects;

/**
 * What to train and how: the task, the model's size and Adam's step.
 *
 * @param task         the toy task
 * @param steps        Adam steps, one batch each
 * @param batchSize    sequences per batch {@code B}
 * @param learningRate Adam's {@code lr}
 * @param dModel       model width {@code D}
 * @param heads        heads {@code H} ({@code D} must be a multiple)
 * @param seed         everything random (initial weights, batches, held-out set) derives from it
 */
public record TrainingSettings(ToyTask task, int steps, int batchSize, float learningRate, int dModel, int heads,
                               long seed) {

    public TrainingSettings {
        Objects.requireNonNull(task, "task");
        if (steps < 0 || batchSize < 1 || !(learningRate > 0) || dModel < 1 || heads < 1 || dModel % heads != 0) {
            throw new IllegalArgumentException("TrainingSettings: need steps >= 0, batch >= 1, lr > 0 and D a positive"
                    + " multiple of H; got steps=" + steps + ", batch=" + batchSize + ", lr=" + learningRate
                    + ", D=" + dModel + ", H=" + heads);
        }
    }

    /** The settings the README and the CLI use: B = 32, lr = 0.01, D = 32, H = 2. */
    public static TrainingSettings of(ToyTask task, int steps, long seed) {
        return new TrainingSettings(task, steps, 32, 0.01f, 32, 2, seed);
    }
}
