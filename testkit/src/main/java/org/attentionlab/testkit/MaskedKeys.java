package org.attentionlab.testkit;

import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/** Which keys a mask hides from every query, and inputs poisoned there: for the masked-values laws. */
final class MaskedKeys {

    private static final float[] POISON = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

    private MaskedKeys() {
    }

    /** True if no query of flattened attention {@code e} may attend to {@code key}. */
    static boolean hidden(AttentionInputs inputs, int e, int key) {
        Mask mask = inputs.mask();
        int batch = inputs.maskBatchOf(e);
        for (int i = 0; i < inputs.queries(); i++) {
            if (mask.allows(batch, i, key)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code x} ({@code [..., Tk, W]}, the keys or the values) with every row of a hidden key
     * replaced by NaN, +∞ or −∞ (taking turns).
     */
    static Tensor poison(AttentionInputs inputs, Tensor x) {
        float[] values = x.toArray();               // [batch, Tk, W]
        int tk = inputs.keys();
        int width = x.dim(-1);
        for (int e = 0; e < inputs.batch(); e++) {
            for (int key = 0; key < tk; key++) {
                if (hidden(inputs, e, key)) {
                    for (int w = 0; w < width; w++) {
                        values[(e * tk + key) * width + w] = POISON[(key + w) % POISON.length];
                    }
                }
            }
        }
        return Tensor.fromArray(values, x.shape());
    }

    /** A key some query of flattened attention 0 may attend to, chosen by {@code seed}; −1 if there is none. */
    static int allowedKey(AttentionInputs inputs, long seed) {
        int tk = inputs.keys();
        int start = (int) Math.floorMod(seed, (long) tk);
        for (int j = 0; j < tk; j++) {
            int key = (start + j) % tk;
            if (!hidden(inputs, 0, key)) {
                return key;
            }
        }
        return -1;
    }
}
