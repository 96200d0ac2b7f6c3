package org.attentionlab.learning;

import java.util.List;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.MultiHeadAttention;

/**
 * How well a model does on a set of sequences, and whether it attends where the task says it should.
 *
 * @param accuracy         the fraction of positions whose most likely id is the target
 * @param sequenceAccuracy the fraction of sequences with every position right
 * @param patternAgreement the fraction of query rows whose largest weight (averaged over the
 *                         heads) is on the task's expected key ({@link ToyTask.Example#expectedKey})
 */
public record Evaluation(double accuracy, double sequenceAccuracy, double patternAgreement) {

    /** The model on {@code examples}, all of one task. */
    public static Evaluation of(AttentionModel model, List<ToyTask.Example> examples) {
        int[][] ids = examples.stream().map(ToyTask.Example::input).toArray(int[][]::new);
        AttentionModel.Pass pass = model.forward(ids);
        Tensor weights = MultiHeadAttention.averageOverHeads(pass.trace().heads().weights()); // [B, Tq, Tk]
        float[] logits = pass.logits().toArray();                                           // [B, T, V]
        float[] w = weights.toArray();
        int length = ids[0].length;
        int vocabulary = pass.logits().dim(-1);
        int right = 0;
        int rightSequences = 0;
        int agreeing = 0;
        for (int b = 0; b < ids.length; b++) {
            ToyTask.Example example = examples.get(b);
            boolean allRight = true;
            for (int i = 0; i < length; i++) {
                int row = b * length + i;
                boolean correct = argmax(logits, row * vocabulary, vocabulary) == example.target()[i];
                right += correct ? 1 : 0;
                allRight &= correct;
                agreeing += argmax(w, row * length, length) == example.expectedKey()[i] ? 1 : 0;
            }
            rightSequences += allRight ? 1 : 0;
        }
        int positions = ids.length * length;
        return new Evaluation((double) right / positions, (double) rightSequences / ids.length,
                (double) agreeing / positions);
    }

    /** The attention map of one sequence, averaged over the heads: {@code [Tq, Tk]}, rows are queries. */
    public static Tensor attentionMap(AttentionModel model, ToyTask.Example example) {
        AttentionModel.Pass pass = model.forward(new int[][] {example.input()});
        return MultiHeadAttention.averageOverHeads(pass.trace().heads().weights()).select(0, 0);
    }

    /** The attention maps of one sequence, head by head: {@code [H, Tq, Tk]}. */
    public static Tensor headMaps(AttentionModel model, ToyTask.Example example) {
        AttentionModel.Pass pass = model.forward(new int[][] {example.input()});
        return pass.trace().heads().weights().select(0, 0); // [1, H, Tq, Tk] -> [H, Tq, Tk]
    }

    private static int argmax(float[] values, int from, int count) {
        int best = 0;
        for (int j = 1; j < count; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "accuracy %.1f%% (sequences %.1f%%), expected key in %.1f%% of rows",
                100 * accuracy, 100 * sequenceAccuracy, 100 * patternAgreement);
    }
}
