package org.attentionlab.testkit;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * A deliberately wrong kernel for testing the kit: like a tiled loop that forgets the remainder
 * tile, it drops the last term of every sum once K exceeds 64. Softmax is correct.
 */
public final class DropsLastTermKernel implements Kernel {

    /** Registered under this id in the kit's test resources only. */
    public static final String ID = "test-drops-last-term";

    private final Kernel naive = new NaiveKernel();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        if (shape.k() <= 64) {
            return naive.matmul(left, right, operand);
        }
        float[] a = left.toArray();
        for (int row = 0; row < shape.batch() * shape.m(); row++) {
            a[row * shape.k() + shape.k() - 1] = 0; // A[.., i, K−1] = 0 removes the term k = K−1
        }
        return naive.matmul(Tensor.fromArray(a, left.shape()), right, operand);
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        return naive.softmax(scores, scale, mask);
    }
}
