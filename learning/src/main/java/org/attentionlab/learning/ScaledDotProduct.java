package org.attentionlab.learning;

import java.util.Objects;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionSteps;
import org.attentionlab.attention.ScaledDotProductAttention;

/**
 * Scaled dot-product attention, equation (1) of Vaswani et al. (2017), and its derivative: the
 * three steps of the forward, undone in reverse order, each by the rule of its own operation.
 *
 * <pre>
 *   forward                         backward (read bottom-up)
 *   1) S = Q·Kᵀ                     dQ = dS·K,   dK = dSᵀ·Q                 ({@link Matmul}, transposed right)
 *   2) W = softmax(s·S, mask)       dS = s · W ⊙ (dW − rowsum(dW ⊙ W))      ({@link Softmax})
 *   3) O = W·V                      dW = dO·Vᵀ,  dV = Wᵀ·dO                 ({@link Matmul})
 * </pre>
 *
 * <p>The backward reads what the forward computed ({@link AttentionSteps}, from the layer's own
 * {@link ScaledDotProductAttention#trace}) rather than computing it again. A masked key gets no
 * gradient in Q or K (its weight was 0) and none in V (Wᵀ·dO has a 0 factor there).
 */
public final class ScaledDotProduct {

    private ScaledDotProduct() {
    }

    /** The gradients of the three inputs, shaped as the inputs: {@code [..., Tq, Dk]}, {@code [..., Tk, Dk]}, {@code [..., Tk, Dv]}. */
    public record Gradients(Tensor query, Tensor key, Tensor value) {
        public Gradients {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The layer's forward pass with every intermediate the backward needs: {@link ScaledDotProductAttention#trace}. */
    public static AttentionSteps forward(ScaledDotProductAttention layer, Tensor query, Tensor key, Tensor value, Mask mask) {
        return layer.trace(query, key, value, mask);
    }

    /**
     * The gradients of Q, K and V given {@code dOutput}, the gradient of the attention's output.
     *
     * @param steps   the forward's intermediates
     * @param dOutput {@code [..., Tq, Dv]}
     */
    public static Gradients backward(Kernel kernel, AttentionSteps steps, Tensor dOutput) {
        Objects.requireNonNull(steps, "steps");
        // 3) O = W·V  ->  dW = dO·Vᵀ [..., Tq, Tk],  dV = Wᵀ·dO [..., Tk, Dv]
        Matmul.Gradients weighted = Matmul.backward(kernel, steps.weights(), steps.value(), RightOperand.AS_IS, dOutput);
        // 2) W = softmax(s·S)  ->  dS [..., Tq, Tk]
        Tensor dScores = Softmax.backward(kernel, steps.weights(), weighted.left(), steps.scale(), steps.mask());
        // 1) S = Q·Kᵀ  ->  dQ = dS·K [..., Tq, Dk],  dK = dSᵀ·Q [..., Tk, Dk]
        Matmul.Gradients scores = Matmul.backward(kernel, steps.query(), steps.key(), RightOperand.TRANSPOSED, dScores);
        return new Gradients(scores.left(), scores.right(), weighted.right());
    }
}
