package org.attentionlab.testkit;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * A deliberately wrong kernel for testing the kit: it checks the mask's shape but then applies
 * no mask. Matmul is correct.
 */
public final class IgnoresMaskKernel implements Kernel {

    /** Registered under this id in the kit's test resources only. */
    public static final String ID = "test-ignores-mask";

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
        return naive.matmul(left, right, operand);
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        SoftmaxShape.of(scores, mask);
        return naive.softmax(scores, scale, Mask.none());
    }
}
