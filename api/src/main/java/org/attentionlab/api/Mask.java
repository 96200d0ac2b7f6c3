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
     * attend to a padding key. Needs one length per batch entry, each between 1 and Tk.
     */
    static Mask keyPadding(int... lengths) {
        return new KeyPaddingMask(lengths);
    }

    /** The same {@code [Tq, Tk]} pattern for every batch entry; {@code true} = may attend. */
    static Mask of(boolean[][] allowed) {
        return new MatrixMask(new boolean[][][] {allowed}, true);
    }

    /** One {@code [Tq, Tk]} pattern per batch entry: {@code [B, Tq, Tk]}; {@code true} = may attend. */
    static Mask of(boolean[][][] allowed) {
        return new MatrixMask(allowed, false);
    }
}
