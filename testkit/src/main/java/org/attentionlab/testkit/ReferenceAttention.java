package org.attentionlab.testkit;

import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * The oracle of {@link ScaledDotProductAttentionContract}: equation (1) of Vaswani et al. (2017),
 * {@code Attention(Q, K, V) = softmax(Q·Kᵀ / √d_k) · V}, one line per step, on the naive kernel.
 * Package-private on purpose: an assignment's layer is compared with it, not built from it.
 */
final class ReferenceAttention {

    private static final Kernel NAIVE = new NaiveKernel();

    private ReferenceAttention() {
    }

    /** {@code query [..., Tq, Dk]}, {@code key [..., Tk, Dk]}, {@code value [..., Tk, Dv]} with equal leading dimensions. */
    static AttentionResult attend(Tensor query, Tensor key, Tensor value, Mask mask) {
        float scale = (float) (1 / Math.sqrt(query.dim(-1)));                            // 1/√d_k
        Tensor scores = NAIVE.matmul(query, key, RightOperand.TRANSPOSED).times(scale); // [..., Tq, Tk] = Q·Kᵀ/√d_k
        Tensor weights = NAIVE.softmax(scores, mask);                                   // [..., Tq, Tk]
        Tensor output = NAIVE.matmul(weights, value);                                   // [..., Tq, Dv] = weights·V
        return new AttentionResult(output, weights);
    }
}
