package org.attentionlab.testkit;

import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * A deliberately wrong kernel for testing the kit: it checks the mask's shape but then applies
 * no mask. Matmul is correct.
 */
public final class IgnoresMaskKernel extends BrokenKernel {

    static final String ID = "test-ignores-mask";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        SoftmaxShape.of(scores, mask);
        return naive.softmax(scores, scale, Mask.none());
    }
}
