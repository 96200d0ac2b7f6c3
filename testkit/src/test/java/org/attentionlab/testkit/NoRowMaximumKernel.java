package org.attentionlab.testkit;

import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose, the textbook softmax {@code exp(s·x_j) / Σ exp(s·x_l)} in float without
 * subtracting the row maximum: right for small scores, NaN (∞/∞) once a scaled score passes 88.
 */
public final class NoRowMaximumKernel extends BrokenKernel {

    static final String ID = "test-no-row-maximum";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        SoftmaxShape shape = SoftmaxShape.of(scores, scale, mask);
        var x = scores.values();
        int keys = shape.keys();
        return Tensor.generate(scores.shape(), y -> {
            for (int row = 0; row < shape.rows(); row++) {
                float sum = 0;
                for (int j = 0; j < keys; j++) {
                    if (mask.allows(shape.batchOf(row), shape.queryOf(row), j)) {
                        sum += (float) Math.exp(scale * x.get(row * keys + j)); // the bug: no "− max"
                    }
                }
                for (int j = 0; j < keys; j++) {
                    if (mask.allows(shape.batchOf(row), shape.queryOf(row), j)) {
                        y.set(row * keys + j, (float) Math.exp(scale * x.get(row * keys + j)) / sum);
                    }
                }
            }
        });
    }
}
