package org.attentionlab.testkit;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * The base of the kit's deliberately broken kernels: the naive kernel under another id, so each
 * broken kernel overrides just the one method it plants its bug in. Registered in this module's
 * test resources only.
 */
abstract class BrokenKernel implements Kernel {

    final Kernel naive = new NaiveKernel();

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
        return naive.softmax(scores, scale, mask);
    }
}
