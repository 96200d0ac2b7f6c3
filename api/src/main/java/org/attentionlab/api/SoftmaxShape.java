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
 * {@code [B, H, Tq, Tk]}), otherwise 0 (the rule is {@link Mask#batchesOf}).
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
        return of(scores, 1f, mask);
    }

    /**
     * Checks that {@code mask} fits {@code scores} and that {@code scale} is finite and positive,
     * as {@link Kernel#softmax(Tensor, float, Mask)} requires.
     *
     * @throws IllegalArgumentException naming {@code softmax}, the shapes or the scale if not
     */
    public static SoftmaxShape of(Tensor scores, float scale, Mask mask) {
        Objects.requireNonNull(scores, "scores");
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("softmax: scale must be finite and > 0, got " + scale);
        }
        Objects.requireNonNull(mask, "mask (use Mask.none())");
        int[] s = scores.shape();
        if (s.length < 1) {
            throw new IllegalArgumentException("softmax: needs rank >= 1, got a scalar");
        }
        int keys = s[s.length - 1];
        int queries = s.length >= 2 ? s[s.length - 2] : 1;
        int rows = Tensor.sizeOf(Arrays.copyOf(s, s.length - 1));
        try {
            mask.requireFits(Mask.batchesOf(s), queries, keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("softmax: mask " + mask + " does not fit scores "
                    + Arrays.toString(s) + ": " + e.getMessage(), e);
        }
        return new SoftmaxShape(rows, keys, queries, Mask.batchesOf(s));
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
