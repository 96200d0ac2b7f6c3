package org.attentionlab.attention;

import java.util.Objects;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * Every intermediate of one scaled dot-product attention, {@code softmax(Q·Kᵀ / √d_k) · V}, as
 * the layer computed it ({@link ScaledDotProductAttention#trace}): immutable, for showing each step.
 *
 * <p>{@link #weights()} and {@link #output()} are exactly what {@code forward} returns for the same
 * inputs; {@link #scores()} is the product {@code Q·Kᵀ} the kernel computed on the way. The scaled
 * and masked scores are derived from it on request (they are never stored by the kernel: the
 * scale is folded into its softmax).
 *
 * @param query   {@code [..., Tq, Dk]}
 * @param key     {@code [..., Tk, Dk]}
 * @param value   {@code [..., Tk, Dv]}
 * @param mask    the mask applied to the scores
 * @param scale   the factor applied to {@code Q·Kᵀ}, {@code 1/√Dk} unless chosen
 * @param scores  {@code Q·Kᵀ}, {@code [..., Tq, Tk]}, before scaling
 * @param weights {@code softmax(scale · scores, mask)}, {@code [..., Tq, Tk]}
 * @param output  {@code weights · V} over the allowed keys, {@code [..., Tq, Dv]}
 */
public record AttentionSteps(Tensor query, Tensor key, Tensor value, Mask mask, float scale,
                             Tensor scores, Tensor weights, Tensor output) {

    public AttentionSteps {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(output, "output");
    }

    /** {@code scale · Q·Kᵀ}, {@code [..., Tq, Tk]}: what the softmax sees. */
    public Tensor scaledScores() {
        return scores.times(scale);
    }

    /**
     * The scaled scores with every masked entry set to −∞, {@code [..., Tq, Tk]}: the paper's
     * picture of masking (section 3.2.3). The kernel never writes −∞; it skips masked entries.
     */
    public Tensor maskedScores() {
        Tensor scaled = scaledScores();
        int[] shape = scaled.shape();
        int tq = shape[shape.length - 2];
        int tk = shape[shape.length - 1];
        int perBatch = scaled.size() / Mask.batchesOf(shape);       // entries per mask batch index
        var values = scaled.values();
        return Tensor.generate(shape, out -> {
            for (int i = 0; i < out.size(); i++) {
                int row = i / tk;
                boolean allowed = mask.allows(i / perBatch, row % tq, i % tk);
                out.set(i, allowed ? values.get(i) : Float.NEGATIVE_INFINITY);
            }
        });
    }

    /**
     * One query's row, step by step: {@code queryRow(b, h, i)} for inputs {@code [B, H, Tq, ·]},
     * {@code queryRow(b, i)} for {@code [B, Tq, ·]}, {@code queryRow(i)} for {@code [Tq, ·]}.
     */
    public QueryRowSteps queryRow(int... index) {
        Objects.requireNonNull(index, "index");
        if (index.length != query.rank() - 1) {
            throw new IllegalArgumentException("AttentionSteps.queryRow: needs " + (query.rank() - 1)
                    + " indices (the leading ones and the query) for query " + java.util.Arrays.toString(query.shape()));
        }
        return QueryRowSteps.of(this, index);
    }
}
