package org.attentionlab.learning;

import java.util.Objects;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionTrace;
import org.attentionlab.attention.Linear;
import org.attentionlab.attention.MultiHeadAttention;

/**
 * Multi-head attention, Figure 2 (right) of Vaswani et al. (2017), and its derivative: the five
 * steps of {@link MultiHeadAttention#forward}, undone from the last to the first.
 *
 * <pre>
 *   forward                                  backward (read bottom-up)
 *   1) q = x_q·W_Q + b_Q  (and k, v)         dx_q, dW_Q, db_Q                  ({@link LinearLayer})
 *   2) split q, k, v into heads              dq = concat(dq_heads)             ({@link Heads})
 *   3) attention in every head               dq_heads, dk_heads, dv_heads      ({@link ScaledDotProduct})
 *   4) concatenate the heads                 do_heads = split(dc)              ({@link Heads})
 *   5) y = c·W_O + b_O                       dc, dW_O, db_O                    ({@link LinearLayer})
 * </pre>
 *
 * <p>The backward reads the forward's intermediates from the layer's own {@link AttentionTrace}.
 * In self-attention the same {@code x} is query, key and value: its gradient is the sum of the
 * three ({@link Gradients#selfAttentionInput}), because it reached the loss along three paths.
 */
public final class MultiHead {

    private MultiHead() {
    }

    /**
     * The gradients of the layer's inputs ({@code [B, Tq, D]}, {@code [B, Tk, D]}, {@code [B, Tk, D]})
     * and of its four projections (each {@code dW [D, D]} and {@code db [D]} as a {@link Linear}).
     */
    public record Gradients(Tensor query, Tensor key, Tensor value,
                            Linear queryProjection, Linear keyProjection, Linear valueProjection,
                            Linear outputProjection) {
        public Gradients {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(queryProjection, "queryProjection");
            Objects.requireNonNull(keyProjection, "keyProjection");
            Objects.requireNonNull(valueProjection, "valueProjection");
            Objects.requireNonNull(outputProjection, "outputProjection");
        }

        /** {@code dx = dx_q + dx_k + dx_v}: the gradient of {@code x} when it was query, key and value at once. */
        public Tensor selfAttentionInput() {
            return query.plus(key).plus(value);
        }
    }

    /** The layer's forward pass with every intermediate the backward needs: {@link MultiHeadAttention#trace}. */
    public static AttentionTrace forward(MultiHeadAttention layer, Tensor query, Tensor key, Tensor value, Mask mask) {
        return layer.trace(query, key, value, mask);
    }

    /**
     * The gradients given {@code dOutput}, the gradient of the layer's output {@code [B, Tq, D]}.
     *
     * @param trace the forward's intermediates, from {@code layer.trace(...)}
     */
    public static Gradients backward(Kernel kernel, MultiHeadAttention layer, AttentionTrace trace, Tensor dOutput) {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(trace, "trace");
        int heads = layer.numHeads();
        // 5) y = c·W_O + b_O  ->  dc [B, Tq, D], dW_O, db_O
        LinearLayer.Gradients out = LinearLayer.backward(kernel, layer.outputProjection(), trace.concatenated(), dOutput);
        // 4) c = concat(o_heads)  ->  do_heads [B, H, Tq, Dk]
        Tensor dHeadOutputs = Heads.concatBackward(out.input(), heads);
        // 3) o_heads = attention(q_heads, k_heads, v_heads)  ->  d{q,k,v}_heads [B, H, T, Dk]
        ScaledDotProduct.Gradients attended = ScaledDotProduct.backward(kernel, trace.heads(), dHeadOutputs);
        // 2) {q,k,v}_heads = split({q,k,v})  ->  d{q,k,v} [B, T, D]
        Tensor dq = Heads.splitBackward(attended.query());
        Tensor dk = Heads.splitBackward(attended.key());
        Tensor dv = Heads.splitBackward(attended.value());
        // 1) q = x_q·W_Q + b_Q (and k, v)  ->  dx_q [B, Tq, D], dW_Q, db_Q (and k, v)
        LinearLayer.Gradients q = LinearLayer.backward(kernel, layer.queryProjection(), trace.query(), dq);
        LinearLayer.Gradients k = LinearLayer.backward(kernel, layer.keyProjection(), trace.key(), dk);
        LinearLayer.Gradients v = LinearLayer.backward(kernel, layer.valueProjection(), trace.value(), dv);
        return new Gradients(q.input(), k.input(), v.input(), q.asLinear(), k.asLinear(), v.asLinear(), out.asLinear());
    }
}
