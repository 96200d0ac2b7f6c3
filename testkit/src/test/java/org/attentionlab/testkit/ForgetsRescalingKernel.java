package org.attentionlab.testkit;

import java.util.Arrays;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: a fused attention with a tiled online softmax (FlashAttention's running
 * maximum {@code m} and sum {@code l} per query, tiles of {@value #TILE} keys) that rescales the
 * sum when the maximum grows but forgets to rescale the output accumulated so far by
 * {@code exp(m_old − m_new)}. Right whenever all keys fit in one tile.
 */
public final class ForgetsRescalingKernel extends BrokenKernel {

    static final String ID = "test-forgets-rescaling";

    private static final int TILE = 16;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor attention(AttentionInputs in) {
        int tq = in.queries();
        int tk = in.keys();
        int dk = in.keyWidth();
        int dv = in.valueWidth();
        var q = in.query().values();   // [batch, Tq, Dk]
        var k = in.key().values();     // [batch, Tk, Dk]
        var v = in.value().values();   // [batch, Tk, Dv]
        return Tensor.generate(in.outputShape(), out -> {
            double[] acc = new double[dv];
            for (int e = 0; e < in.batch(); e++) {
                int maskBatch = in.maskBatchOf(e);
                for (int i = 0; i < tq; i++) {
                    double m = Double.NEGATIVE_INFINITY;
                    double l = 0;
                    Arrays.fill(acc, 0);
                    for (int from = 0; from < tk; from += TILE) {
                        int to = Math.min(tk, from + TILE);
                        double[] s = new double[to - from];
                        double tileMax = Double.NEGATIVE_INFINITY;
                        for (int j = from; j < to; j++) {
                            if (!in.mask().allows(maskBatch, i, j)) {
                                s[j - from] = Double.NEGATIVE_INFINITY;
                                continue;
                            }
                            double dot = 0;
                            for (int d = 0; d < dk; d++) {
                                dot += (double) q.get((e * tq + i) * dk + d) * k.get((e * tk + j) * dk + d);
                            }
                            s[j - from] = in.scale() * dot;
                            tileMax = Math.max(tileMax, s[j - from]);
                        }
                        double newMax = Math.max(m, tileMax);
                        if (newMax == Double.NEGATIVE_INFINITY) {
                            continue; // nothing allowed yet
                        }
                        l *= Math.exp(m - newMax); // the sum is rescaled, but acc is not: the bug
                        for (int j = from; j < to; j++) {
                            if (s[j - from] == Double.NEGATIVE_INFINITY) {
                                continue;
                            }
                            double p = Math.exp(s[j - from] - newMax);
                            l += p;
                            for (int d = 0; d < dv; d++) {
                                acc[d] += p * v.get((e * tk + j) * dv + d);
                            }
                        }
                        m = newMax;
                    }
                    for (int d = 0; d < dv; d++) {
                        out.set((e * tq + i) * dv + d, l == 0 ? 0f : (float) (acc[d] / l));
                    }
                }
            }
        });
    }
}
