package org.attentionlab.attention;

import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.AttentionLayerContract;

/**
 * {@link MultiHeadAttention} against the attention-layer contract of the test kit: D = 8, H = 2,
 * random weights and non-zero biases (so a bias that leaks past a mask would show).
 */
class MultiHeadAttentionContractTests implements AttentionLayerContract {

    private static final int D = 8;

    @Override
    public AttentionLayer layer() {
        return new MultiHeadAttention(new NaiveKernel(), 2, projection(1), projection(2), projection(3), projection(4));
    }

    @Override
    public Tensor input(long seed, int batch, int length) {
        return Tensor.randomNormal(seed, batch, length, D); // [B, T, D]
    }

    /** A [D, D] Xavier-sized weight and a [D] bias, both random. */
    private static Linear projection(long seed) {
        return Linear.of(Linear.xavierUniform(D, D, Bias.NONE, seed).weight(), Tensor.randomNormal(-seed, D).times(0.1f));
    }
}
