package org.attentionlab.testkit;

import java.util.Arrays;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: a matmul that stages its result in a scratch buffer kept in a field, with a
 * millisecond's pause in between, so calls from two threads at once overwrite each other's
 * results. Correct on one thread.
 */
public final class RacyKernel extends BrokenKernel {

    static final String ID = "test-racy";

    private float[] scratch = new float[0]; // the bug: shared by every call

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        Tensor result = naive.matmul(left, right, operand);
        if (scratch.length < result.size()) {
            scratch = new float[result.size()];
        }
        System.arraycopy(result.toArray(), 0, scratch, 0, result.size());
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        float[] staged = scratch;
        return Tensor.fromArray(Arrays.copyOf(staged, result.size()), result.shape());
    }
}
