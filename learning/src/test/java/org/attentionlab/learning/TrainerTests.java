package org.attentionlab.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    /**
     * Steps for the pronoun task: row 8 is one row of 11 in the loss, so it takes longer; at 150 steps
     * every held-out "it" is resolved (about 2.5 s).
     */
    private static final int PRONOUN_STEPS = 150;

    @Test
    void pronounLearnsToAttendFromItToTheAnimal() {
        TrainingResult result = Trainer.train(GradientProperties.KERNEL,
                TrainingSettings.of(ToyTask.PRONOUN, PRONOUN_STEPS, 3));

        assertTrue(result.after().accuracy() >= 0.95, result::summary);
        Evaluation atIt = result.afterAtDecisiveQuery().orElseThrow();
        assertTrue(atIt.accuracy() >= 0.95, () -> "row 8 (it) names its animal: " + result.summary());
        assertTrue(result.beforeAtDecisiveQuery().orElseThrow().accuracy() < 0.2, result::summary);
        // Where row 8 looks: the animal is at position 1 in half the sentences and 6 in the other half,
        // so a row that looks by position alone prefers the animal to the other noun half the time.
        assertTrue(shareOfSentencesWhereItLooksAtTheAnimalMore(result.trained(), result.heldOut()) >= 0.85,
                result::summary);
        assertTrue(shareOfSentencesWhereItLooksAtTheAnimalMore(result.initial(), result.heldOut()) <= 0.65,
                result::summary);
    }

    /** Over {@code sentences}: how often row 8's weight (mean of heads) on the animal beats that on the other noun. */
    private static double shareOfSentencesWhereItLooksAtTheAnimalMore(AttentionModel model,
                                                                       List<ToyTask.Example> sentences) {
        int more = 0;
        for (ToyTask.Example sentence : sentences) {
            Tensor map = Evaluation.attentionMap(model, sentence);                     // [T, T]
            int animal = sentence.expectedKey()[PronounSentences.PRONOUN];
            int other = PronounSentences.otherNoun(animal);
            more += map.get(PronounSentences.PRONOUN, animal) > map.get(PronounSentences.PRONOUN, other) ? 1 : 0;
        }
        return (double) more / sentences.size();
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
