package org.attentionlab.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The tiny trainer learns its toy tasks on the test's small budget, and the attention maps show the
 * pattern each task needs, which the untrained model does not show: the test checks where the model
 * looks, not just its loss. (About 2 to 5 seconds per task on a shared 2-core machine.)
 */
class TrainerTests {

    /** Steps per task in this test: the loss is below 0.01 after about 40 (see the README for a fuller run). */
    private static final int STEPS = 60;

    private static void assertLearned(TrainingResult result) {
        assertTrue(result.after().accuracy() >= 0.95, result::summary);
        assertTrue(result.after().patternAgreement() >= 0.9, result::summary);
        assertTrue(result.before().patternAgreement() < 0.5, () -> "the pattern is learned, not there from the start: "
                + result.summary());
        double[] losses = result.losses();
        assertTrue(losses[losses.length - 1] < losses[0] / 10, result::summary);
    }

    @Test
    void reversalLearnsToAttendToTheMirroredPosition() {
        TrainingResult result = Trainer.train(GradientProperties.KERNEL, TrainingSettings.of(ToyTask.REVERSE, STEPS, 1));

        assertLearned(result);
        Tensor map = result.mapAfter(0); // [T, T]: row i should peak at column T − 1 − i
        int t = ToyTask.REVERSE.length();
        for (int i = 0; i < t; i++) {
            int row = i;
            assertTrue(map.get(i, t - 1 - i) > 0.5f, () -> "row " + row + " of the learned map: " + map);
        }
    }

    @Test
    void copyLearnsToAttendToTheMarkedToken() {
        TrainingResult result = Trainer.train(GradientProperties.KERNEL, TrainingSettings.of(ToyTask.COPY, STEPS, 2));

        assertLearned(result);
    }

    @Test
    void trainingIsDeterministic() {
        TrainingSettings settings = TrainingSettings.of(ToyTask.COPY, 3, 7);

        TrainingResult first = Trainer.train(GradientProperties.KERNEL, settings);
        TrainingResult second = Trainer.train(GradientProperties.KERNEL, settings);

        assertArrayEquals(first.losses(), second.losses());
        assertTrue(first.trained().parameters().equals(second.trained().parameters()), "same weights, bit for bit");
    }
}
