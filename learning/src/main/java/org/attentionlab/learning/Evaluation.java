package org.attentionlab.learning;

import java.util.List;
import java.util.function.IntPredicate;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.MultiHeadAttention;

/**
 * How well a model does on a set of sequences, and whether it attends where the task says it should.
 *
 * @param accuracy         the fraction of counted positions whose most likely id is the target
 * @param sequenceAccuracy the fraction of sequences with every counted position right
 * @param patternAgreement the fraction of counted query rows whose largest weight (averaged over the
 *                         heads) is on the task's expected key ({@link ToyTask.Example#expectedKey}),
 *                         among the rows that expect one; NaN if none does
 *
 * <p>Counted: every query row ({@link #of}) or one ({@link #atQuery}).
 */
public record Evaluation(double accuracy, double sequenceAccuracy, double patternAgreement) {

    /** The model on {@code examples}, all of one task, counting every query row. */
    public static Evaluation of(AttentionModel model, List<ToyTask.Example> examples) {
        return over(model, examples, row -> true);
    }

    /**
     * The model on {@code examples} at query row {@code query} only, e.g. the pronoun's row of
     * {@link ToyTask#PRONOUN} ({@link ToyTask#decisiveQuery}): whether the output there is right and
     * whether that row looks at the expected key. With one row per sequence, the sequence accuracy
     * equals the accuracy.
     *
     * @throws IllegalArgumentException if {@code query} is not a position of the sequences
     */
    public static Evaluation atQuery(AttentionModel model, List<ToyTask.Example> examples, int query) {
        int length = examples.get(0).input().length;
        if (query < 0 || query >= length) {
            throw new IllegalArgumentException("Evaluation.atQuery: query " + query + " outside 0.." + (length - 1));
        }
        return over(model, examples, row -> row == query);
    }

    /** Accuracy and pattern over the query rows {@code counted} accepts. */
    private static Evaluation over(AttentionModel model, List<ToyTask.Example> examples, IntPredicate counted) {
        int[][] ids = examples.stream().map(ToyTask.Example::input).toArray(int[][]::new);
        AttentionModel.Pass pass = model.forward(ids);
        Tensor weights = MultiHeadAttention.averageOverHeads(pass.trace().heads().weights()); // [B, Tq, Tk]
        float[] logits = pass.logits().toArray();                                           // [B, T, V]
        float[] w = weights.toArray();
        int length = ids[0].length;
        int vocabulary = pass.logits().dim(-1);
        int positions = 0;
        int right = 0;
        int rightSequences = 0;
        int patterned = 0;
        int agreeing = 0;
        for (int b = 0; b < ids.length; b++) {
            ToyTask.Example example = examples.get(b);
            boolean allRight = true;
            for (int i = 0; i < length; i++) {
                if (!counted.test(i)) {
                    continue;
                }
                int row = b * length + i;
                boolean correct = argmax(logits, row * vocabulary, vocabulary) == example.target()[i];
                positions++;
                right += correct ? 1 : 0;
                allRight &= correct;
                int expected = example.expectedKey()[i];
                if (expected != ToyTask.Example.ANY_KEY) {
                    patterned++;
                    agreeing += argmax(w, row * length, length) == expected ? 1 : 0;
                }
            }
            rightSequences += allRight ? 1 : 0;
        }
        return new Evaluation((double) right / positions, (double) rightSequences / ids.length,
                patterned == 0 ? Double.NaN : (double) agreeing / patterned);
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
