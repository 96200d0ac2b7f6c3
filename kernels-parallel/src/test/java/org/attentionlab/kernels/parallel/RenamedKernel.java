package org.attentionlab.kernels.parallel;

import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.blocked.BlockedKernel;

/** The blocked kernel under another id and priority: a stand-in for a faster splittable plugin. */
class RenamedKernel implements SplittableKernel {

    private final SplittableKernel blocked = new BlockedKernel();
    private final String id;
    private final int priority;

    RenamedKernel(String id, int priority) {
        this.id = id;
        this.priority = priority;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public RowWork matmulRows(Tensor left, Tensor right, RightOperand operand) {
        return blocked.matmulRows(left, right, operand);
    }

    @Override
    public RowWork softmaxRows(Tensor scores, float scale, Mask mask) {
        return blocked.softmaxRows(scores, scale, mask);
    }

    @Override
    public RowWork attentionRows(AttentionInputs inputs) {
        return blocked.attentionRows(inputs);
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        return blocked.matmul(left, right, operand);
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        return blocked.softmax(scores, scale, mask);
    }
}
