package org.attentionlab.testkit;

import org.attentionlab.api.Mask;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * A deliberately wrong kernel for testing the kit: like a tiled loop that forgets the remainder
 * tile, it drops the last term of every sum once K exceeds 64. Softmax is correct.
 */
public final class DropsLastTermKernel extends BrokenKernel {

    static final String ID = "test-drops-last-term";

    @Override
    public String id() {
        return ID;
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
}
