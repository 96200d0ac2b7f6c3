package org.attentionlab.testkit;

import java.util.Arrays;
import org.attentionlab.api.Tensor;

/** Broken on purpose: {@code addTo} adds the encodings to the first sequence of a batch only. */
class FirstSequenceOnlyEncoding extends SinusoidalEncoding {

    FirstSequenceOnlyEncoding(int dModel) {
        super(dModel);
    }

    @Override
    public Tensor addTo(Tensor x) {
        if (x.rank() < 2 || x.dim(-1) != dModel()) {
            throw new IllegalArgumentException("FirstSequenceOnlyEncoding: input " + Arrays.toString(x.shape())
                    + " is not [T, D] or [B, T, D]");
        }
        float[] y = x.toArray();
        float[] pe = encodings(x.dim(-2)).toArray();
        for (int i = 0; i < pe.length; i++) { // the loop stops after T·D values: one sequence
            y[i] += pe[i];
        }
        return Tensor.fromArray(y, x.shape());
    }
}
