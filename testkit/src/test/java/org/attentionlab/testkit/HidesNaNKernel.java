package org.attentionlab.testkit;

import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose, the wrong fix for "NaN in a padded value poisons the output": attention
 * replaces every NaN of its output by 0, so a NaN in a value a query does attend to is hidden too.
 */
public final class HidesNaNKernel extends BrokenKernel {

    static final String ID = "test-hides-nan";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor attention(AttentionInputs inputs) {
        float[] out = super.attention(inputs).toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.isNaN(out[i]) ? 0f : out[i]; // the bug: hides NaNs that should show
        }
        return Tensor.fromArray(out, inputs.outputShape());
    }
}
