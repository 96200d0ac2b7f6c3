package org.attentionlab.api;

import java.util.Arrays;

/**
 * The last step of composed attention, {@code output = weights · V}, with the rule that masked keys
 * never reach the output.
 *
 * <p>A masked weight is exactly 0, but in IEEE arithmetic {@code 0 · NaN} and {@code 0 · ∞} are NaN:
 * one NaN in a padded value would turn every output row into NaN. So the product is computed by the
 * kernel over all keys (fast), and only the rows that came out non-finite are summed again over
 * their allowed keys. A NaN from an allowed key stays NaN, as it should.
 */
final class MaskedValues {

    private MaskedValues() {
    }

    static Tensor weightedSum(Kernel kernel, Tensor weights, AttentionInputs inputs) {
        Tensor output = kernel.matmul(weights, inputs.value()); // [..., Tq, Dv] = weights·V over every key
        if (inputs.mask().isNone() || allFinite(output)) {
            return output;
        }
        return overAllowedKeys(output, weights, inputs);
    }

    private static boolean allFinite(Tensor t) {
        var values = t.values();
        for (int i = 0; i < values.limit(); i++) {
            if (!Float.isFinite(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The non-finite rows of {@code output} recomputed as {@code Σ_{j allowed} w_ij · v_j}. */
    private static Tensor overAllowedKeys(Tensor output, Tensor weights, AttentionInputs inputs) {
        int tq = inputs.queries();
        int tk = inputs.keys();
        int dv = inputs.valueWidth();
        var o = output.values();   // [batch, Tq, Dv]
        var w = weights.values();  // [batch, Tq, Tk]
        var v = inputs.value().values(); // [batch, Tk, Dv]
        Mask mask = inputs.mask();
        return Tensor.generate(inputs.outputShape(), out -> {
            float[] row = new float[dv];
            for (int e = 0; e < inputs.batch(); e++) {
                int maskBatch = inputs.maskBatchOf(e);
                for (int i = 0; i < tq; i++) {
                    int rowStart = (e * tq + i) * dv;
                    o.get(rowStart, row, 0, dv);
                    if (allFinite(row)) {
                        out.put(rowStart, row, 0, dv);
                        continue;
                    }
                    Arrays.fill(row, 0f);
                    for (int j = 0; j < tk; j++) {
                        if (!mask.allows(maskBatch, i, j)) {
                            continue; // a masked key contributes nothing, not even 0·NaN
                        }
                        float wij = w.get((e * tq + i) * tk + j);
                        for (int d = 0; d < dv; d++) {
                            row[d] += wij * v.get((e * tk + j) * dv + d);
                        }
                    }
                    out.put(rowStart, row, 0, dv);
                }
            }
        });
    }

    private static boolean allFinite(float[] row) {
        for (float x : row) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
