package org.attentionlab.kernels.blocked;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/**
 * The masked, scaled softmax as rows: the naive kernel's three passes per row (max, sum of exp,
 * divide) on a row copied into scratch memory, without its per-element index arithmetic and
 * buffer calls.
 *
 * <p>A row of scores {@code [Tk]} is already contiguous, so there is nothing to tile: each pass
 * streams one row, which fits in L1 for any realistic Tk, and the cost is dominated by one
 * {@code exp} per allowed entry. The scale {@code s} is applied inside the exponential,
 * {@code exp(s·(x_j − m))}, so the scaled scores are never stored. Where the mask says a whole row
 * is allowed ({@link Mask#allowsAllOf}) the per-entry look-up is skipped.
 *
 * <p><b>Accumulation in double.</b> Java has no float {@code exp}; {@link Math#exp} works in
 * double anyway, so keeping the exponentials and their sum in double costs nothing and keeps
 * every row summing to 1 within float rounding for any Tk. Each weight is rounded to float once,
 * at the end. This is exactly the naive kernel's arithmetic, so the weights are bit-for-bit the
 * naive kernel's too, and a row's weights do not depend on which rows a call computes.
 */
final class BlockedSoftmax implements RowWork {

    /** About how many multiply-adds of the blocked matmul one {@link Math#exp} takes (tens of ns against a few). */
    static final int EXP_COST = 16;

    private final SoftmaxShape shape;
    private final int[] outputShape;
    private final FloatBuffer scores; // [rows, Tk], read in place
    private final float scale;
    private final Mask mask;

    /** Checks the mask and scale ({@link SoftmaxShape#of}). */
    BlockedSoftmax(Tensor scores, float scale, Mask mask) {
        this.shape = SoftmaxShape.of(scores, scale, mask);
        this.outputShape = scores.shape();
        this.scores = scores.values();
        this.scale = scale;
        this.mask = mask;
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone(); // weights: the scores' shape
    }

    @Override
    public int rows() {
        return shape.rows();
    }

    /**
     * One exponential per entry, counted in multiply-adds ({@value #EXP_COST} each) so that a splitter
     * can weigh a softmax against a product.
     */
    @Override
    public long costPerRow() {
        return (long) shape.keys() * EXP_COST;
    }

    @Override
    public void compute(int rowFrom, int rowTo, TensorWriter out) {
        int keys = shape.keys();
        float[] x = new float[keys];             // this row's scores
        float[] y = new float[keys];             // this row's weights
        boolean[] allowed = new boolean[keys];   // this row's mask, looked up once per entry
        double[] exps = new double[keys];        // exp(s·(x_j − m)), kept in double until the division
        for (int row = rowFrom; row < rowTo; row++) {
            int start = row * keys;
            scores.get(start, x, 0, keys);
            int batch = shape.batchOf(row);
            int query = shape.queryOf(row);
            if (mask.allowsAllOf(batch, query, query + 1, 0, keys)) {
                Arrays.fill(allowed, true);
            } else {
                for (int j = 0; j < keys; j++) {
                    allowed[j] = mask.allows(batch, query, j);
                }
            }

            // m = max over allowed entries; Math.max lets a NaN through, so a NaN row stays NaN
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < keys; j++) {
                if (allowed[j]) {
                    m = Math.max(m, x[j]);
                }
            }
            if (m == Double.NEGATIVE_INFINITY) {  // nothing allowed, or only −∞: attends to nothing
                Arrays.fill(y, 0f);
                out.put(start, y, 0, keys);
                continue;
            }

            // Σ = Σ_allowed exp(s·(x_l − m)); every term is at most exp(0) = 1, so nothing overflows
            double sum = 0;
            for (int j = 0; j < keys; j++) {
                exps[j] = allowed[j] ? Math.exp(scale * (x[j] - m)) : 0;
                sum += exps[j];
            }

            // y_j = exp(s·(x_j − m)) / Σ, exactly 0 where masked
            for (int j = 0; j < keys; j++) {
                y[j] = allowed[j] ? (float) (exps[j] / sum) : 0f;
            }
            out.put(start, y, 0, keys);
        }
    }
}
