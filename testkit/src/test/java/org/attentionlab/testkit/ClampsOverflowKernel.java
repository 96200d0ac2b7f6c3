package org.attentionlab.testkit;

import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: sums in float (fine) and then "repairs" overflow by clamping ±∞ to
 * ±{@link Float#MAX_VALUE}: a number that is neither an overflow nor the true sum.
 */
public final class ClampsOverflowKernel extends BrokenKernel {

    static final String ID = "test-clamps-overflow";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        var a = left.values();
        var b = right.values();
        return Tensor.generate(shape.outputShape(), c -> {
            for (int e = 0; e < shape.batch(); e++) {
                for (int i = 0; i < shape.m(); i++) {
                    for (int j = 0; j < shape.n(); j++) {
                        float sum = 0;
                        for (int k = 0; k < shape.k(); k++) {
                            float bkj = operand == RightOperand.AS_IS ? b.get(shape.rightOffset(e) + k * shape.n() + j)
                                    : b.get(shape.rightOffset(e) + j * shape.k() + k);
                            sum += a.get(shape.leftOffset(e) + i * shape.k() + k) * bkj;
                        }
                        float clamped = Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, sum)); // the bug
                        c.set(shape.outputOffset(e) + i * shape.n() + j, clamped);
                    }
                }
            }
        });
    }
}
