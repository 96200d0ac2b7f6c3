package org.attentionlab.testkit;

import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: attention as {@code softmax(scale · Q·Kᵀ, mask) · V} in three calls, right
 * for finite values, but a masked key's weight 0 times a NaN or ∞ in its value is NaN
 * ({@code 0 · NaN = NaN}), so masked values reach the output.
 */
public final class LeaksMaskedValuesKernel extends BrokenKernel {

    static final String ID = "test-leaks-masked-values";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor attention(AttentionInputs inputs) {
        Tensor scores = matmul(inputs.query(), inputs.key(), RightOperand.TRANSPOSED); // [..., Tq, Tk]
        Tensor weights = softmax(scores, inputs.scale(), inputs.mask());               // [..., Tq, Tk]
        return matmul(weights, inputs.value());                                        // the bug: 0 · NaN in the sum
    }
}
