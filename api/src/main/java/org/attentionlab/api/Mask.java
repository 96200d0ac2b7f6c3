package org.attentionlab.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * Which keys each query may attend to. {@code allows(batch, query, key) == true} means the
 * score at {@code [batch, ..., query, key]} takes part in the softmax; a disallowed entry gets
 * weight exactly 0 (the paper's "setting to −∞", section 3.2.3, without the infinity).
 *
 * <p>Masks are immutable and thread-safe. A kernel checks a mask against the scores' shape with
 * {@link #requireFits} before using it (see {@link SoftmaxShape} for what {@code batch} means).
 * Implement this interface for masks the factories below do not cover.
 */
public interface Mask {

    /** True if {@code query} may attend to {@code key} in batch entry {@code batch}. */
    boolean allows(int batch, int query, int key);

    /**
     * Throws {@link IllegalArgumentException} saying why, if this mask cannot be applied to
     * scores with {@code batches} batch entries of {@code queries × keys}.
     */
    void requireFits(int batches, int queries, int keys);

    /** True for {@link #none()}: kernels may skip the mask look-up altogether. */
    default boolean isNone() {
        return false;
    }

    /**
     * True only if no query in {@code queryFrom..queryTo-1} may attend to any key in
     * {@code keyFrom..keyTo-1} of batch entry {@code batch}: a kernel may then skip the whole tile
     * (causal attention skips the tiles above the diagonal). {@code false} means "some may, or I
     * do not know" and is always safe; the default says it.
     */
    default boolean allowsNoneOf(int batch, int queryFrom, int queryTo, int keyFrom, int keyTo) {
        return false;
    }

    /**
     * True only if every query in {@code queryFrom..queryTo-1} may attend to every key in
     * {@code keyFrom..keyTo-1}: a kernel may then skip the per-entry look-up for the tile.
     * {@code false} is always safe; the default says it.
     */
    default boolean allowsAllOf(int batch, int queryFrom, int queryTo, int keyFrom, int keyTo) {
        return isNone();
    }

    /**
     * Throws {@link IllegalArgumentException} if this mask cannot be applied to the scores of
     * {@code query [..., Tq, ·]} against {@code key [..., Tk, ·]}, with a message that starts with
     * {@code operation} and names the mask and both shapes; the message is built only on failure.
     * The batch index a mask sees is counted by {@link #batchesOf}.
     */
    default void requireFits(String operation, Tensor query, Tensor key) {
        try {
            requireFits(batchesOf(query.shape()), query.dim(-2), key.dim(-2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(operation + ": mask " + this + " does not fit query "
                    + Arrays.toString(query.shape()) + " and key " + Arrays.toString(key.shape()) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * How many batch entries a mask sees in scores or attention inputs of this shape: the first
     * dimension when there are 3 or more ({@code [B, Tq, Tk]}, {@code [B, H, Tq, Tk]}), otherwise
     * 1. The one place this rule is written.
     */
    static int batchesOf(int[] shape) {
        return shape.length >= 3 ? shape[0] : 1;
    }

    /** Allowed where both masks allow, e.g. {@code causal().and(keyPadding(lengths))}. */
    default Mask and(Mask other) {
        Objects.requireNonNull(other, "other");
        Mask self = this;
        return new Mask() {
            @Override
            public boolean allows(int batch, int query, int key) {
                return self.allows(batch, query, key) && other.allows(batch, query, key);
            }

            @Override
            public void requireFits(int batches, int queries, int keys) {
                self.requireFits(batches, queries, keys);
                other.requireFits(batches, queries, keys);
            }

            @Override
            public boolean allowsNoneOf(int batch, int queryFrom, int queryTo, int keyFrom, int keyTo) {
                return self.allowsNoneOf(batch, queryFrom, queryTo, keyFrom, keyTo)
                        || other.allowsNoneOf(batch, queryFrom, queryTo, keyFrom, keyTo);
            }

            @Override
            public boolean allowsAllOf(int batch, int queryFrom, int queryTo, int keyFrom, int keyTo) {
                return self.allowsAllOf(batch, queryFrom, queryTo, keyFrom, keyTo)
                        && other.allowsAllOf(batch, queryFrom, queryTo, keyFrom, keyTo);
            }

            @Override
            public String toString() {
                return self + " and " + other;
            }
        };
    }

    /** Every query may attend to every key. */
    static Mask none() {
        return NoMask.INSTANCE;
    }

    /**
     * Query {@code i} may attend to keys {@code 0..i} only: no position sees the future, as in a
     * decoder (Vaswani et al. 2017, section 3.2.3). Needs as many queries as keys.
     */
    static Mask causal() {
        return CausalMask.INSTANCE;
    }

    /**
     * Batch entry {@code b} has {@code lengths[b]} real tokens followed by padding; no query may
     * attend to a padding key. Needs one length per batch entry, each between 0 and Tk; a length
     * of 0 is an empty sequence, whose queries attend to nothing (weights all 0).
     */
    static Mask keyPadding(int... lengths) {
        return new KeyPaddingMask(lengths);
    }

    /**
     * The same {@code [Tq, Tk]} pattern for every batch entry; {@code true} = may attend. (PyTorch's
     * boolean masks mean the opposite: see {@link #fromPyTorch}.)
     */
    static Mask of(boolean[][] allowed) {
        return new MatrixMask(new boolean[][][] {allowed}, true);
    }

    /**
     * PyTorch's boolean {@code attn_mask} {@code [Tq, Tk]}, whose {@code true} means the opposite
     * of here: <i>not</i> allowed to attend (as in {@code nn.MultiheadAttention} and
     * {@code scaled_dot_product_attention}'s {@code is_causal}-style masks, {@code True} = masked).
     */
    static Mask fromPyTorch(boolean[][] masked) {
        Objects.requireNonNull(masked, "masked");
        boolean[][] allowed = new boolean[masked.length][];
        for (int i = 0; i < masked.length; i++) {
            Objects.requireNonNull(masked[i], "row " + i);
            allowed[i] = new boolean[masked[i].length];
            for (int j = 0; j < masked[i].length; j++) {
                allowed[i][j] = !masked[i][j];
            }
        }
        return of(allowed);
    }

    /** One {@code [Tq, Tk]} pattern per batch entry: {@code [B, Tq, Tk]}; {@code true} = may attend. */
    static Mask of(boolean[][][] allowed) {
        return new MatrixMask(allowed, false);
    }
}
