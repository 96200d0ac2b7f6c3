package org.attentionlab.testkit;

import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: checks the shapes for {@link RightOperand#TRANSPOSED} but then reads the
 * right operand as if it were stored {@code [K, N]}, the index of the untransposed loop.
 */
public final class IgnoresTransposeKernel extends BrokenKernel {

    static final String ID = "test-ignores-transpose";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        if (operand == RightOperand.AS_IS) {
            return naive.matmul(left, right, operand);
        }
        var a = left.values();
        var b = right.values();
        return Tensor.generate(shape.outputShape(), c -> {
            for (int e = 0; e < shape.batch(); e++) {
                for (int i = 0; i < shape.m(); i++) {
                    for (int j = 0; j < shape.n(); j++) {
                        double sum = 0;
                        for (int k = 0; k < shape.k(); k++) {
                            sum += (double) a.get(shape.leftOffset(e) + i * shape.k() + k)
                                    * b.get(shape.rightOffset(e) + k * shape.n() + j); // the bug: B[k][j], not B[j][k]
                        }
                        c.set(shape.outputOffset(e) + i * shape.n() + j, (float) sum);
                    }
                }
            }
        });
    }
}
