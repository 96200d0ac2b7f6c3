package org.attentionlab.testkit;

import java.util.Arrays;
import java.util.Objects;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * A correct scaled dot-product attention for testing the kit (the kit's tests cannot use the
 * attention module: its tests use the kit). {@code query [..., Tq, Dk]}, {@code key [..., Tk, Dk]},
 * {@code value [..., Tk, Dv]}. Each step is a method that a deliberately broken subclass overrides
 * to plant one bug; error messages name {@code getClass().getSimpleName()}, as the contract expects.
 */
class ReferenceLayer implements AttentionLayer {

    final Kernel naive = new NaiveKernel();

    @Override
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask) {
        check(query, key, value, mask);
        Tensor scores = naive.matmul(queries(query), key, RightOperand.TRANSPOSED) // [..., Tq, Tk] = Q·Kᵀ
                .times(scale(query.dim(-1)));                                      //   / √d_k
        Tensor weights = softmax(scores, mask);                                    // [..., Tq, Tk]
        return new AttentionResult(naive.matmul(weights, value), weights);         // [..., Tq, Dv]
    }

    /** 1/√d_k. */
    float scale(int dk) {
        return (float) (1 / Math.sqrt(dk));
    }

    /** The queries as they enter Q·Kᵀ. */
    Tensor queries(Tensor query) {
        return query;
    }

    /** The masked softmax. */
    Tensor softmax(Tensor scores, Mask mask) {
        return naive.softmax(scores, mask);
    }

    /** Rejects nulls, shapes that do not fit, empty sequences and masks that do not fit the scores. */
    void check(Tensor query, Tensor key, Tensor value, Mask mask) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(mask, "mask (use Mask.none())");
        String name = getClass().getSimpleName();
        String shapes = "query " + Arrays.toString(query.shape()) + ", key " + Arrays.toString(key.shape())
                + ", value " + Arrays.toString(value.shape());
        int rank = query.rank();
        if (rank < 2 || key.rank() != rank || value.rank() != rank
                || !Arrays.equals(Arrays.copyOf(query.shape(), rank - 2), Arrays.copyOf(key.shape(), rank - 2))
                || !Arrays.equals(Arrays.copyOf(key.shape(), rank - 2), Arrays.copyOf(value.shape(), rank - 2))
                || query.dim(-1) != key.dim(-1)) {
            throw new IllegalArgumentException(name + ": shapes do not fit [..., Tq, Dk], [..., Tk, Dk], [..., Tk, Dv]: "
                    + shapes);
        }
        if (query.dim(-2) == 0 || key.dim(-2) == 0) {
            throw new IllegalArgumentException(name + ": empty sequence: " + shapes);
        }
        if (key.dim(-2) != value.dim(-2)) {
            throw new IllegalArgumentException(name + ": key and value lengths differ: " + shapes);
        }
        try {
            mask.requireFits(rank >= 3 ? query.dim(0) : 1, query.dim(-2), key.dim(-2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": mask " + mask + " does not fit " + shapes + ": " + e.getMessage(),
                    e);
        }
    }
}
