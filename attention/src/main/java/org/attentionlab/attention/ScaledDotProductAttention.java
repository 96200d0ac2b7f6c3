package org.attentionlab.attention;

import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * Scaled dot-product attention, equation (1) of Vaswani et al. (2017), section 3.2.1:
 *
 * <pre>
 *     Attention(Q, K, V) = softmax(Q·Kᵀ / √d_k) · V
 * </pre>
 *
 * <p>Shapes: {@code query [..., Tq, Dk]}, {@code key [..., Tk, Dk]}, {@code value [..., Tk, Dv]}
 * with the same leading dimensions, typically {@code [B, H, T, Dk]}. The output is
 * {@code [..., Tq, Dv]} and the weights {@code [..., Tq, Tk]}.
 *
 * <p>Why divide by √d_k: if the entries of q and k are independent with variance 1, their dot
 * product has variance d_k. Without the scale, large d_k pushes softmax into regions where one
 * weight is almost 1 and the rest almost 0 (and its gradients vanish); dividing by √d_k brings
 * the variance back to 1. A custom scale ({@link #withScale}) lets you watch that happen.
 *
 * <p>Immutable and thread-safe; all arithmetic is done by the {@link Kernel} it is given. Shapes
 * and the mask are checked once per call ({@link #inputs}); what the kernel does with them is
 * written out step by step in {@link Kernel#attentionWithWeights}.
 */
public final class ScaledDotProductAttention implements AttentionLayer {

    private static final String NAME = "ScaledDotProductAttention";

    private final Kernel kernel;
    /** The factor applied to Q·Kᵀ; empty for the paper's 1/√d_k of each call's inputs. */
    private final Optional<Float> scale;

    /** With the paper's scale 1/√d_k. */
    @Inject
    public ScaledDotProductAttention(Kernel kernel) {
        this(kernel, Optional.empty());
    }

    private ScaledDotProductAttention(Kernel kernel, Optional<Float> scale) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.scale = scale;
    }

    /**
     * With a scale of your choosing instead of 1/√d_k, e.g. 1 to see unscaled scores saturate.
     *
     * @throws IllegalArgumentException unless {@code scale} is finite and positive
     */
    public static ScaledDotProductAttention withScale(Kernel kernel, float scale) {
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException(NAME + ": scale must be finite and > 0, got " + scale);
        }
        return new ScaledDotProductAttention(kernel, Optional.of(scale));
    }

    /**
     * {@code softmax(Q·Kᵀ / √d_k) · V} and the weights: the kernel's
     * {@link Kernel#attentionWithWeights}, which computes the formula step by step (scores, scaled
     * softmax, weighted sum of the values).
     */
    @Override
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask) {
        return kernel.attentionWithWeights(inputs(query, key, value, mask));
    }

    /**
     * {@code softmax(Q·Kᵀ / √d_k) · V} alone: the kernel's {@link Kernel#attention}, fused on fast
     * kernels, so the {@code Tq × Tk} weights are never held and memory grows with {@code T}.
     */
    @Override
    public Tensor output(Tensor query, Tensor key, Tensor value, Mask mask) {
        return kernel.attention(inputs(query, key, value, mask));
    }

    /**
     * The inputs of one call, checked once: {@code query [..., Tq, Dk]}, {@code key [..., Tk, Dk]},
     * {@code value [..., Tk, Dv]}, the mask against {@code [..., Tq, Tk]}, and this layer's scale.
     */
    public AttentionInputs inputs(Tensor query, Tensor key, Tensor value, Mask mask) {
        AttentionInputs inputs = AttentionInputs.of(NAME, query, key, value).withMask(mask);
        return scale.map(inputs::withScale).orElse(inputs);
    }

    /**
     * {@link #forward} with every intermediate kept, for showing: the weights and output are exactly
     * {@code forward}'s, and the scores {@code Q·Kᵀ} are the composed path's first step.
     */
    public AttentionSteps trace(Tensor query, Tensor key, Tensor value, Mask mask) {
        AttentionInputs inputs = inputs(query, key, value, mask);
        AttentionResult result = kernel.attentionWithWeights(inputs);          // what forward returns
        Tensor scores = kernel.matmul(query, key, RightOperand.TRANSPOSED);    // [..., Tq, Tk] = Q·Kᵀ
        return new AttentionSteps(query, key, value, mask, inputs.scale(), scores, result.weights(), result.output());
    }

    /**
     * The scaled scores {@code Q·Kᵀ / √d_k}, {@code [..., Tq, Tk]}, before the softmax: the first
     * step of the formula, public so that it can be shown. {@code query [..., Tq, Dk]} and
     * {@code key [..., Tk, Dk]}, checked as {@link #forward} checks them.
     */
    public Tensor scores(Tensor query, Tensor key) {
        AttentionInputs inputs = inputs(query, key, key, Mask.none()); // only Q and K matter here
        return kernel.matmul(query, key, RightOperand.TRANSPOSED)      // [..., Tq, Tk] = Q·Kᵀ
                .times(inputs.scale());                                // [..., Tq, Tk] / √d_k
    }

    /** The factor this layer applies to Q·Kᵀ for keys of width {@code dk}. */
    public float scaleFor(int dk) {
        return scale.orElse(AttentionInputs.defaultScale(dk));
    }

    /** The kernel doing the arithmetic. */
    public Kernel kernel() {
        return kernel;
    }

    @Override
    public String toString() {
        return NAME + "[kernel=" + kernel.id() + ", scale=" + scale.map(String::valueOf).orElse("1/√d_k") + "]";
    }
}
