package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The operations the attention laws reorder, cut and replace inputs with, on tensors small enough
 * to write out: if one of them did nothing, the laws built on it would hold for any layer.
 */
class SequencesTests {

    // [B=2, T=3, W=2]: row t of batch entry b holds (10·b + t, −(10·b + t))
    private final Tensor x = Tensor.of(new float[][][] {
        {{0, 0}, {1, -1}, {2, -2}},
        {{10, -10}, {11, -11}, {12, -12}}});

    @Test
    void reorderMovesRowsWithinEveryBatchEntry() {
        assertEquals(Tensor.of(new float[][][] {
            {{2, -2}, {0, 0}, {1, -1}},
            {{12, -12}, {10, -10}, {11, -11}}}), Sequences.reorder(x, new int[] {2, 0, 1}));
    }

    @Test
    void reorderLastMovesColumns() {
        Tensor weights = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}}); // [Tq=2, Tk=3]
        assertEquals(Tensor.of(new float[][] {{3, 1, 2}, {6, 4, 5}}), Sequences.reorderLast(weights, new int[] {2, 0, 1}));
    }

    @Test
    void rowsCutsEveryBatchEntry() {
        assertEquals(Tensor.of(new float[][][] {{{1, -1}, {2, -2}}, {{11, -11}, {12, -12}}}), Sequences.rows(x, 1, 3));
        assertEquals(Arrays.toString(new int[] {2, 0, 2}), Arrays.toString(Sequences.rows(x, 1, 1).shape()));
    }

    @Test
    void replaceFromTakesEachBatchEntrysTailFromTheOther() {
        Tensor other = x.times(100);
        assertEquals(Tensor.of(new float[][][] {
            {{0, 0}, {100, -100}, {200, -200}},
            {{10, -10}, {11, -11}, {1200, -1200}}}), Sequences.replaceFrom(x, other, new int[] {1, 2}));
    }

    @Test
    void replaceFromCountsBatchEntriesAcrossHeads() {
        Tensor heads = Tensor.randomNormal(1, 2, 3, 4, 1); // [B=2, H=3, T=4, W=1]
        Tensor replaced = Sequences.replaceFrom(heads, Tensor.zeros(2, 3, 4, 1), new int[] {4, 1});
        float[] kept = replaced.toArray();
        float[] original = heads.toArray();
        for (int i = 0; i < kept.length; i++) {
            boolean firstEntry = i < 12;
            boolean firstRow = i % 4 == 0;
            assertEquals(firstEntry || firstRow ? original[i] : 0f, kept[i], "index " + i);
        }
    }

    @Test
    void shuffledIsAPermutationAndNeverTheIdentity() {
        for (int n = 2; n <= 12; n++) {
            for (long seed = 0; seed < 50; seed++) {
                int[] order = Sequences.shuffled(seed, n);
                int[] sorted = order.clone();
                Arrays.sort(sorted);
                int[] identity = new int[n];
                Arrays.setAll(identity, i -> i);
                assertEquals(Arrays.toString(identity), Arrays.toString(sorted), "a permutation");
                assertNotEquals(Arrays.toString(identity), Arrays.toString(order), "n = " + n + ", seed " + seed);
            }
        }
    }
}
