package org.attentionlab.kernels.blocked;

import java.util.Arrays;
import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;

/**
 * The masked softmax of a range of rows, on flat row-major arrays: the naive kernel's three
 * passes per row (max, sum of exp, divide), without its per-element index arithmetic.
 *
 * <p>A row of scores {@code [Tk]} is already contiguous, so there is nothing to tile: each pass
 * streams one row, which fits in L1 for any realistic Tk, and the cost is dominated by one
 * {@code exp} per allowed entry.
 *
 * <p><b>Accumulation in double.</b> Java has no float {@code exp}; {@link Math#exp} works in
 * double anyway, so keeping the exponentials and their sum in double costs nothing and keeps
 * every row summing to 1 within float rounding for any Tk. Each weight is rounded to float once,
 * at the end. This is exactly the naive kernel's arithmetic, so the weights are bit-for-bit the
 * naive kernel's too.
 *
 * <p>Each row is computed by the same sequential code whichever range it is part of, so
 * splitting rows between threads (as the parallel kernel does) cannot change a single bit.
 */
public final class BlockedSoftmax {

    private BlockedSoftmax() {
    }

    /**
     * Writes the softmax of rows {@code rowFrom} (inclusive) to {@code rowTo} (exclusive) of
     * {@code x} into the same rows of {@code y}; other rows of {@code y} are not touched.
     *
     * @param x     scores {@code [rows, Tk]} row-major (any leading dimensions flattened into rows)
     * @param y     receives the weights, same layout
     * @param shape row structure of the scores, from {@link SoftmaxShape#of} (it also checked the mask)
     * @param scale the factor applied to every score first (finite, > 0)
     * @param mask  which entries take part
     */
    public static void softmaxRows(float[] x, float[] y, SoftmaxShape shape, float scale, Mask mask,
                                   int rowFrom, int rowTo) {
        int keys = shape.keys();
        boolean[] allowed = new boolean[keys];   // this row's mask, looked up once per entry
        double[] exps = new double[keys];        // exp(x_j − m), kept in double until the division
        if (mask.isNone()) {
            Arrays.fill(allowed, true);
        }
        for (int row = rowFrom; row < rowTo; row++) {
            int base = row * keys;
            if (!mask.isNone()) {
                int batch = shape.batchOf(row);
                int query = shape.queryOf(row);
                for (int j = 0; j < keys; j++) {
                    allowed[j] = mask.allows(batch, query, j);
                }
            }

            // m = max over allowed entries; Math.max lets a NaN through, so a NaN row stays NaN
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < keys; j++) {
                if (allowed[j]) {
                    m = Math.max(m, x[base + j]);
                }
            }
            if (m == Double.NEGATIVE_INFINITY) {  // nothing allowed, or only −∞: attends to nothing
                Arrays.fill(y, base, base + keys, 0f);
                continue;
            }

            // Σ = Σ_allowed exp(x_l − m); every term is at most exp(0) = 1, so nothing overflows
            double sum = 0;
            for (int j = 0; j < keys; j++) {
                exps[j] = allowed[j] ? Math.exp(scale * (x[base + j] - m)) : 0;
                sum += exps[j];
            }

            // y_j = exp(x_j − m) / Σ, exactly 0 where masked
            for (int j = 0; j < keys; j++) {
                y[base + j] = allowed[j] ? (float) (exps[j] / sum) : 0f;
            }
        }
    }
}
