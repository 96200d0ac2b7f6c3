package org.attentionlab.learning;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * The masked, scaled softmax and its derivative: how a change in a weight reaches the scores.
 *
 * <pre>
 *   forward   W = softmax(s·S)        W[i, j] = exp(s·S[i, j]) / Σ_l exp(s·S[i, l])   (allowed j, l)
 *
 *   local     ∂W[i, j]/∂S[i, k] = s · W[i, j]·(δ_jk − W[i, k])
 *
 *   backward  dS[i, k] = Σ_j dW[i, j] · s·W[i, j]·(δ_jk − W[i, k])
 *                      = s · W[i, k] · (dW[i, k] − Σ_j dW[i, j]·W[i, j])
 *
 *             dS = s · W ⊙ (dW − rowsum(dW ⊙ W))
 * </pre>
 *
 * <p>The row sum is the part that is easy to forget: every weight of a row depends on every score
 * of the row, because they share the denominator. A backward without it is wrong everywhere
 * except where a row has a single allowed key (the test kit's gradient check catches it).
 *
 * <p>Masks: a masked entry's weight is exactly 0, so the factor {@code W ⊙ ...} gives it gradient
 * exactly 0 (its score never reached the loss); a fully masked row is all zeros, so its gradient is
 * all zeros: never NaN. Masked entries of {@code dW} are ignored (set to 0 first), so that a NaN
 * there, for example from a NaN in a masked value, cannot leak in through the row sum.
 */
public final class Softmax {

    private Softmax() {
    }

    /** {@code softmax(scale · scores, mask)}: the kernel's softmax, {@code [..., Tq, Tk]}. */
    public static Tensor forward(Kernel kernel, Tensor scores, float scale, Mask mask) {
        return kernel.softmax(scores, scale, mask);
    }

    /**
     * {@code dS = s · W ⊙ (dW − rowsum(dW ⊙ W))}: the gradient of the scores.
     *
     * @param weights  the forward's result {@code W}, {@code [..., Tq, Tk]}
     * @param dWeights the gradient of the weights, the same shape
     * @param scale    the forward's {@code s}
     * @param mask     the forward's mask
     */
    public static Tensor backward(Kernel kernel, Tensor weights, Tensor dWeights, float scale, Mask mask) {
        Shapes.require("Softmax.backward", "dWeights", dWeights, weights.shape());
        Tensor dW = allowedOnly(dWeights, mask);                          // [..., Tq, Tk], 0 where masked
        Tensor rowsum = Elementwise.rowSums(kernel, Elementwise.times(dW, weights)); // [..., Tq, 1] = rowsum(dW ⊙ W)
        Tensor centred = Elementwise.minusColumn(dW, rowsum);             // [..., Tq, Tk] = dW − rowsum(dW ⊙ W)
        return Elementwise.times(weights, centred).times(scale);         // [..., Tq, Tk] = s · W ⊙ (...)
    }

    /** {@code g} with every masked entry set to 0 (rows, batches and queries as {@link SoftmaxShape} counts them). */
    static Tensor allowedOnly(Tensor g, Mask mask) {
        if (mask.isNone()) {
            return g;
        }
        SoftmaxShape rows = SoftmaxShape.of(g, mask);
        var values = g.values();
        return Tensor.generate(g.shape(), out -> {
            for (int row = 0; row < rows.rows(); row++) {
                for (int j = 0; j < rows.keys(); j++) {
                    int i = row * rows.keys() + j;
                    out.set(i, mask.allows(rows.batchOf(row), rows.queryOf(row), j) ? values.get(i) : 0f);
                }
            }
        });
    }
}
