package org.attentionlab.attention;

import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Objects;
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
 * <p>Immutable and thread-safe; all arithmetic is done by the {@link Kernel} it is given.
 */
public final class ScaledDotProductAttention implements AttentionLayer {

    private final Kernel kernel;
    /** The factor applied to Q·Kᵀ, or NaN for the default 1/√d_k of each call's inputs. */
    private final float scale;

    /** With the paper's scale 1/√d_k. */
    @Inject
    public ScaledDotProductAttention(Kernel kernel) {
        this(kernel, Float.NaN);
    }

    private ScaledDotProductAttention(Kernel kernel, float scale) {
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
            throw new IllegalArgumentException("ScaledDotProductAttention: scale must be finite and > 0, got " + scale);
        }
        return new ScaledDotProductAttention(kernel, scale);
    }

    @Override
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask) {
        checkShapes(query, key, value);
        Objects.requireNonNull(mask, "mask (use Mask.none())");
        MaskFit.require("ScaledDotProductAttention", mask, query, key);

        Tensor scores = scores(query, key);              // [..., Tq, Tk] = Q·Kᵀ / √d_k
        Tensor weights = kernel.softmax(scores, mask);   // [..., Tq, Tk], rows sum to 1
        Tensor output = kernel.matmul(weights, value);   // [..., Tq, Dv] = weights · V
        return new AttentionResult(output, weights);
    }

    /**
     * The first step of {@link #forward}, public so that it can be shown: the scaled scores
     * {@code Q·Kᵀ / √d_k}, {@code [..., Tq, Tk]}, before the softmax. {@code query [..., Tq, Dk]}
     * and {@code key [..., Tk, Dk]}; a mismatch is rejected by the kernel's matmul.
     */
    public Tensor scores(Tensor query, Tensor key) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        return kernel.matmul(query, key, RightOperand.TRANSPOSED).times(scaleFor(query.dim(-1)));
    }

    /** The factor this layer applies to Q·Kᵀ for keys of width {@code dk}. */
    public float scaleFor(int dk) {
        return Float.isNaN(scale) ? (float) (1.0 / Math.sqrt(dk)) : scale;
    }

    /** The kernel doing the arithmetic. */
    public Kernel kernel() {
        return kernel;
    }

    private static void checkShapes(Tensor query, Tensor key, Tensor value) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        String shapes = "query " + Arrays.toString(query.shape()) + ", key " + Arrays.toString(key.shape())
                + ", value " + Arrays.toString(value.shape());
        if (query.rank() < 2 || key.rank() != query.rank() || value.rank() != query.rank()) {
            throw new IllegalArgumentException("ScaledDotProductAttention: query, key and value need the same rank"
                    + " >= 2 ([..., T, D]), got " + shapes);
        }
        int leading = query.rank() - 2;
        if (!Arrays.equals(Arrays.copyOf(query.shape(), leading), Arrays.copyOf(key.shape(), leading))
                || !Arrays.equals(Arrays.copyOf(key.shape(), leading), Arrays.copyOf(value.shape(), leading))) {
            throw new IllegalArgumentException("ScaledDotProductAttention: leading (batch/head) dimensions differ: "
                    + shapes);
        }
        if (query.dim(-2) == 0 || key.dim(-2) == 0) {
            throw new IllegalArgumentException("ScaledDotProductAttention: empty sequence (Tq or Tk is 0): " + shapes);
        }
        if (query.dim(-1) == 0 || query.dim(-1) != key.dim(-1)) {
            throw new IllegalArgumentException("ScaledDotProductAttention: query and key need the same width"
                    + " Dk >= 1: " + shapes);
        }
        if (key.dim(-2) != value.dim(-2)) {
            throw new IllegalArgumentException("ScaledDotProductAttention: key and value need the same length Tk: "
                    + shapes);
        }
    }

    @Override
    public String toString() {
        return "ScaledDotProductAttention[kernel=" + kernel.id()
                + ", scale=" + (Float.isNaN(scale) ? "1/√d_k" : String.valueOf(scale)) + "]";
    }
}
