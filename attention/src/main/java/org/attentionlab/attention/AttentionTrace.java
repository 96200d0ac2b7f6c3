package org.attentionlab.attention;

import java.util.Objects;
import org.attentionlab.api.Tensor;

/**
 * Every intermediate of one multi-head attention pass, as the layer computed it
 * ({@link MultiHeadAttention#trace}): immutable, for tours, pictures and notebooks, so that what is
 * shown is what was computed. The steps are Figure 2's, numbered as in
 * {@link MultiHeadAttention#forward}:
 *
 * <ol>
 *   <li>{@link #projectedQuery()}, {@link #projectedKey()}, {@link #projectedValue()}:
 *       {@code x·W + b}, {@code [B, T, D]};</li>
 *   <li>split into heads and 3) attended in every head: {@link #heads()}, whose query, key and
 *       value are {@code [B, H, T, Dk]}, scores and weights {@code [B, H, Tq, Tk]}, output
 *       {@code [B, H, Tq, Dk]};</li>
 *   <li>{@link #concatenated()}: the heads side by side, {@code [B, Tq, D]};</li>
 *   <li>{@link #output()}: {@code concatenated · W_O + b}, {@code [B, Tq, D]}, exactly what
 *       {@code forward} returns.</li>
 * </ol>
 *
 * @param query          the layer's query input {@code [B, Tq, D]}
 * @param key            its key input {@code [B, Tk, D]}
 * @param value          its value input {@code [B, Tk, D]}
 * @param projectedQuery step 1 for the queries
 * @param projectedKey   step 1 for the keys
 * @param projectedValue step 1 for the values
 * @param heads          steps 2 and 3: scaled dot-product attention of every head
 * @param concatenated   step 4
 * @param output         step 5
 */
public record AttentionTrace(Tensor query, Tensor key, Tensor value,
                             Tensor projectedQuery, Tensor projectedKey, Tensor projectedValue,
                             AttentionSteps heads, Tensor concatenated, Tensor output) {

    public AttentionTrace {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(projectedQuery, "projectedQuery");
        Objects.requireNonNull(projectedKey, "projectedKey");
        Objects.requireNonNull(projectedValue, "projectedValue");
        Objects.requireNonNull(heads, "heads");
        Objects.requireNonNull(concatenated, "concatenated");
        Objects.requireNonNull(output, "output");
    }

    /** {@code H}. */
    public int numHeads() {
        return heads.weights().dim(1);
    }

    /** Head {@code h}'s weights for sequence {@code b}: {@code [Tq, Tk]}, rows are queries. */
    public Tensor headWeights(int b, int h) {
        return heads.weights().select(0, b).select(0, h);
    }

    /** The weights averaged over the heads, {@code [B, Tq, Tk]}, as PyTorch returns by default. */
    public Tensor averageWeights() {
        return MultiHeadAttention.averageOverHeads(heads.weights());
    }
}
