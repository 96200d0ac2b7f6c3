package org.attentionlab.learning;

import org.attentionlab.api.Tensor;

/**
 * Multiplication by a constant and its derivative, as in the scores {@code Q·Kᵀ / √d_k}.
 *
 * <pre>
 *   forward   y = c·x
 *   local     ∂y/∂x = c
 *   backward  dx = c·dy
 * </pre>
 *
 * <p>Attention folds the scale into the softmax ({@link Softmax#backward} multiplies by it); this
 * is the same rule on its own, for a scale applied outside.
 */
public final class Scale {

    private Scale() {
    }

    /** {@code c·x}. */
    public static Tensor forward(Tensor x, float c) {
        return x.times(c);
    }

    /** {@code dx = c·dy}. */
    public static Tensor backward(Tensor dy, float c) {
        return dy.times(c);
    }
}
