package org.attentionlab.learning;

import org.attentionlab.api.Tensor;

/**
 * Splitting a projection into heads and concatenating the heads again, step 2) and step 4) of
 * {@link org.attentionlab.attention.MultiHeadAttention}: pure rearrangements of the same numbers.
 *
 * <pre>
 *   split    [B, T, D] -> [B, T, H, Dk] -> [B, H, T, Dk]     head h gets columns h·Dk .. (h+1)·Dk − 1
 *   concat   [B, H, T, Dk] -> [B, T, H, Dk] -> [B, T, D]     the inverse
 * </pre>
 *
 * <p>A rearrangement moves each number to a new place and does nothing else, so its backward moves
 * each gradient back to where the number came from: the backward of split is concat, and the
 * backward of concat is split.
 */
public final class Heads {

    private Heads() {
    }

    /** {@code [B, T, D] -> [B, H, T, Dk]}. */
    public static Tensor split(Tensor x, int heads) {
        int dk = x.dim(2) / heads;
        return x.reshape(x.dim(0), x.dim(1), heads, dk)  // [B, T, H, Dk]
                .permute(0, 2, 1, 3);                    // [B, H, T, Dk]
    }

    /** {@code [B, H, T, Dk] -> [B, T, D]}. */
    public static Tensor concat(Tensor x) {
        return x.permute(0, 2, 1, 3)                     // [B, T, H, Dk]
                .reshape(x.dim(0), x.dim(2), x.dim(1) * x.dim(3)); // [B, T, D]
    }

    /** The backward of {@link #split}: {@code d[B, H, T, Dk] -> d[B, T, D]}, which is {@link #concat}. */
    public static Tensor splitBackward(Tensor dHeads) {
        return concat(dHeads);
    }

    /** The backward of {@link #concat}: {@code d[B, T, D] -> d[B, H, T, Dk]}, which is {@link #split}. */
    public static Tensor concatBackward(Tensor dConcatenated, int heads) {
        return split(dConcatenated, heads);
    }
}
