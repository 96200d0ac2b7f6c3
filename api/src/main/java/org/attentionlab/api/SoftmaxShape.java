package org.attentionlab.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The row structure of a softmax over the last dimension, checked once so that every kernel
 * rejects the same inputs with the same message and applies masks the same way.
 *
 * <p>Scores of shape {@code [..., Tq, Tk]} are {@code rows} rows of {@code Tk} entries. A mask
 * speaks of {@code (batch, query, key)}: {@code query} is the row's index along {@code Tq},
 * {@code key} the entry's index along {@code Tk}, and {@code batch} the row's index along the
 * first dimension when the scores have rank 3 or more ({@code [B, Tq, Tk]},
 * {@code [B, H, Tq, Tk]}), otherwise 0.
 *
 * @param rows    number of rows (product of all but the last dimension)
 * @param keys    entries per row ({@code Tk})
 * @param queries rows per {@code [Tq, Tk]} matrix ({@code Tq}; 1 for rank-1 scores)
 * @param batches size of the first dimension for rank 3 or more, otherwise 1
 */
public record SoftmaxShape(int rows, int keys, int queries, int batches) {

    /**
     * Checks that {@code mask} fits {@code scores}.
     *
     * @throws IllegalArgumentException naming {@code softmax} and the shapes if it does not
     */
    public static SoftmaxShape of(Tensor scores, Mask mask) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(mask, "mask (use Mask.none())");
        int[] s = scores.shape();
        if (s.length < 1) {
            throw new IllegalArgumentException("softmax: needs rank >= 1, got a scalar");
        }
        int keys = s[s.length - 1];
        int queries = s.length >= 2 ? s[s.length - 2] : 1;
        int batches = batchesOf(s);
        int rows = Tensor.sizeOf(Arrays.copyOf(s, s.length - 1));
        try {
            mask.requireFits(batches, queries, keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("softmax: mask " + mask + " does not fit scores "
                    + Arrays.toString(s) + ": " + e.getMessage(), e);
        }
        return new SoftmaxShape(rows, keys, queries, batches);
    }

    /**
     * How many batch entries a mask sees in scores (or attention inputs) of this shape: the first
     * dimension when there are 3 or more ({@code [B, Tq, Tk]}, {@code [B, H, Tq, Tk]}), otherwise 1.
     * The one place this rule is written.
     */
    public static int batchesOf(int[] shape) {
        return shape.length >= 3 ? shape[0] : 1;
    }

    /** The batch index (first dimension) of a row, as masks use it. */
    public int batchOf(int row) {
        return batches == 1 ? 0 : row / (rows / batches);
    }

    /** The query index (position along {@code Tq}) of a row. */
    public int queryOf(int row) {
        return row % queries;
    }
}
