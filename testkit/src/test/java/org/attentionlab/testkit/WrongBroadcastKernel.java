package org.attentionlab.testkit;

import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: a batched right operand {@code [..., K, N]} is treated as if shared, so every
 * batch entry is multiplied by the right operand's first matrix.
 */
public final class WrongBroadcastKernel extends BrokenKernel {

    static final String ID = "test-wrong-broadcast";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        if (shape.rightShared() || shape.batch() <= 1) {
            return naive.matmul(left, right, operand);
        }
        int[] first = right.shape();
        Tensor firstMatrix = Tensor.fromArray(java.util.Arrays.copyOf(right.toArray(), shape.k() * shape.n()),
                first[first.length - 2], first[first.length - 1]); // the bug: right batch entry 0 for all
        return naive.matmul(left, firstMatrix, operand);
    }
}
