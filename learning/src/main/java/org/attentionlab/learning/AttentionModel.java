package org.attentionlab.learning;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionTrace;
import org.attentionlab.attention.Bias;
import org.attentionlab.attention.Linear;
import org.attentionlab.attention.MultiHeadAttention;
import org.attentionlab.position.LearnedPositionalEncoding;
import org.attentionlab.text.Embedding;

/**
 * The smallest model whose attention can learn something: one multi-head self-attention layer
 * between a token embedding with learned positions and a read-out to vocabulary logits.
 *
 * <pre>
 *   x      = E[ids] + P                   [B, T, D]   token embedding plus learned positions
 *   h      = MultiHead(x, x, x)           [B, T, D]   self-attention, no mask: every query sees every key
 *   logits = h·W_out + b_out              [B, T, V]   one score per vocabulary id
 * </pre>
 *
 * <p>There is no residual connection, feed-forward block or layer norm: whatever a position
 * outputs must come through attention, so the attention map is the whole story. Immutable: a
 * training step builds a new model from the updated parameters ({@link #withParameters}).
 *
 * @param embedding the token table E {@code [V, D]}
 * @param positions the position table P {@code [T, D]}
 * @param attention W_Q, W_K, W_V, W_O and their biases, {@code [D, D]} and {@code [D]}
 * @param readout   W_out {@code [D, V]} and b_out {@code [V]}
 */
public record AttentionModel(Embedding embedding, LearnedPositionalEncoding positions,
                             MultiHeadAttention attention, Linear readout) {

    public AttentionModel {
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(readout, "readout");
    }

    /**
     * A fresh model: embedding N(0, 1), positions N(0, 1) (so that positions are as visible as
     * tokens from the start), Xavier projections with zero biases; the same seed, the same model.
     */
    public static AttentionModel initialized(Kernel kernel, int vocabularySize, int length, int dModel, int heads,
                                             long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        return new AttentionModel(
                Embedding.random(vocabularySize, dModel, seeds.nextLong()),
                new LearnedPositionalEncoding(Tensor.randomNormal(seeds.nextLong(), length, dModel)),
                MultiHeadAttention.initialized(kernel, dModel, heads, Bias.ZEROS, seeds.nextLong()),
                Linear.xavierUniform(dModel, vocabularySize, Bias.ZEROS, seeds.nextLong()));
    }

    /** The kernel doing the arithmetic: the attention layer's. */
    public Kernel kernel() {
        return attention.kernel();
    }

    /**
     * One forward pass, with what the backward needs.
     *
     * @param ids    the input ids {@code [B][T]}
     * @param trace  the attention layer's intermediates (its weights are the attention maps)
     * @param logits {@code [B, T, V]}
     */
    public record Pass(int[][] ids, AttentionTrace trace, Tensor logits) {
    }

    /** The forward pass for ids {@code [B][T]}. */
    public Pass forward(int[][] ids) {
        Tensor x = LearnedPositions.forward(positions, TokenEmbedding.forward(embedding, ids)); // [B, T, D]
        AttentionTrace trace = MultiHead.forward(attention, x, x, x, Mask.none());            // h: [B, T, D]
        Tensor logits = LinearLayer.forward(kernel(), readout, trace.output());                 // [B, T, V]
        return new Pass(ids, trace, logits);
    }

    /** The gradient of every parameter, in the order of {@link #parameters()}, given {@code dLogits [B, T, V]}. */
    public List<Tensor> backward(Pass pass, Tensor dLogits) {
        Kernel kernel = kernel();
        LinearLayer.Gradients out = LinearLayer.backward(kernel, readout, pass.trace().output(), dLogits); // dh, dW_out
        MultiHead.Gradients mha = MultiHead.backward(kernel, attention, pass.trace(), out.input());        // dx, dW_*
        Tensor dx = mha.selfAttentionInput();                                                           // [B, T, D]
        Tensor dEmbedding = TokenEmbedding.backward(kernel, embedding, pass.ids(), dx);                 // [V, D]
        Tensor dPositions = LearnedPositions.backward(kernel, positions, dx);                           // [T, D]
        return List.of(dEmbedding, dPositions,
                mha.queryProjection().weight(), mha.queryProjection().bias().orElseThrow(),
                mha.keyProjection().weight(), mha.keyProjection().bias().orElseThrow(),
                mha.valueProjection().weight(), mha.valueProjection().bias().orElseThrow(),
                mha.outputProjection().weight(), mha.outputProjection().bias().orElseThrow(),
                out.weight(), out.bias().orElseThrow());
    }

    /** Every parameter: E, P, W_Q, b_Q, W_K, b_K, W_V, b_V, W_O, b_O, W_out, b_out. */
    public List<Tensor> parameters() {
        return List.of(embedding.table(), positions.table(),
                attention.queryProjection().weight(), bias(attention.queryProjection()),
                attention.keyProjection().weight(), bias(attention.keyProjection()),
                attention.valueProjection().weight(), bias(attention.valueProjection()),
                attention.outputProjection().weight(), bias(attention.outputProjection()),
                readout.weight(), bias(readout));
    }

    /** The same model with new parameters, given in the order of {@link #parameters()}. */
    public AttentionModel withParameters(List<Tensor> p) {
        if (p.size() != 12) {
            throw new IllegalArgumentException("AttentionModel.withParameters: needs 12 tensors, got " + p.size());
        }
        MultiHeadAttention layer = new MultiHeadAttention(kernel(), attention.numHeads(),
                Linear.of(p.get(2), p.get(3)), Linear.of(p.get(4), p.get(5)),
                Linear.of(p.get(6), p.get(7)), Linear.of(p.get(8), p.get(9)));
        return new AttentionModel(new Embedding(p.get(0)), new LearnedPositionalEncoding(p.get(1)), layer,
                Linear.of(p.get(10), p.get(11)));
    }

    /** Every layer of this model has a bias (it is built with {@link Bias#ZEROS}). */
    private static Tensor bias(Linear layer) {
        return layer.bias().orElseThrow();
    }
}
