package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * Checks on attention weights {@code [B, ..., Tq, Tk]}, row by row: one row per query (per batch
 * entry and head), one entry per key. A mask addresses row {@code r} as
 * {@code (batch, query) = (SoftmaxShape.batchOf(r), SoftmaxShape.queryOf(r))}, as kernels apply it.
 */
final class Weights {

    private Weights() {
    }

    /** Asserts that {@code weights} is {@code [B, ..., Tq, Tk]}: rank ≥ 3, batch first, queries × keys last. */
    static void assertShape(Tensor weights, int batch, int tq, int tk) {
        assertNotNull(weights, "weights");
        int[] s = weights.shape();
        if (s.length < 3 || s[0] != batch || s[s.length - 2] != tq || s[s.length - 1] != tk) {
            fail("weights are " + Arrays.toString(s) + ", expected [" + batch + ", ..., " + tq + ", " + tk
                    + "] ([B, ..., Tq, Tk], e.g. [B, H, Tq, Tk])");
        }
    }

    /**
     * Every weight is a number in [0, 1], exactly 0 where {@code mask} disallows the key; a row
     * that allows some key sums to 1 within 1e-5, and a row that allows none
     * is all zeros.
     */
    static void assertProbabilities(Tensor weights, Mask mask) {
        SoftmaxShape rows = SoftmaxShape.of(weights, mask);
        float[] w = weights.toArray();
        for (int row = 0; row < rows.rows(); row++) {
            int batch = rows.batchOf(row);
            int query = rows.queryOf(row);
            boolean anyAllowed = false;
            double sum = 0;
            for (int key = 0; key < rows.keys(); key++) {
                float weight = w[row * rows.keys() + key];
                boolean allowed = mask.allows(batch, query, key);
                anyAllowed |= allowed;
                if (!(weight >= 0 && weight <= 1 + 1e-6)) {
                    fail("weight " + weight + " of query " + query + " on key " + key + " (batch entry " + batch
                            + ", row " + row + ") is not a number in [0, 1]");
                }
                if (!allowed && weight != 0f) {
                    fail("query " + query + " gives masked key " + key + " weight " + weight + ", not exactly 0"
                            + " (batch entry " + batch + ", row " + row + ")");
                }
                sum += weight;
            }
            if (anyAllowed && !(Math.abs(sum - 1) <= Agreement.ROW_SUM_TOLERANCE)) {
                fail("the weights of query " + query + " (batch entry " + batch + ", row " + row + ") sum to " + sum
                        + ", not 1");
            }
            if (!anyAllowed && sum != 0) {
                fail("query " + query + " (batch entry " + batch + ", row " + row + ") may attend to no key, but its"
                        + " weights sum to " + sum + " instead of being all 0");
            }
        }
    }

    /** True if {@code mask} allows no key to the query of row {@code row} of scores shaped as {@code rows} says. */
    static boolean fullyMasked(Mask mask, SoftmaxShape rows, int row) {
        for (int key = 0; key < rows.keys(); key++) {
            if (mask.allows(rows.batchOf(row), rows.queryOf(row), key)) {
                return false;
            }
        }
        return true;
    }
}
