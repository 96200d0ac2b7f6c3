package org.attentionlab.kernels.simd;

import static org.attentionlab.kernels.simd.MicroKernel.LANES;
import static org.attentionlab.kernels.simd.MicroKernel.SPECIES;

import java.nio.FloatBuffer;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/**
 * The masked, scaled softmax {@code y_j = exp(s·(x_j − m)) / Σ_l exp(s·(x_l − m))} as rows, one
 * row of {@code Tk} scores at a time, in vectors: the naive kernel's three passes (max, sum of
 * exponentials, divide) with {@link VectorExp} in place of {@link Math#exp}.
 *
 * <p>A row is copied once into scratch padded with −∞ to whole vectors, with its masked entries
 * set to −∞ as it is copied (so they are never read: a NaN there changes nothing). −∞ is exactly
 * what the formula gives them: it does not raise the maximum, and {@code exp(−∞) = 0} adds
 * nothing to the sum. So there are no tails and no mask look-ups inside the vector loops.
 * Fully allowed rows ({@link Mask#allowsAllOf} for the row) skip the look-ups altogether.
 *
 * <p><b>The sum.</b> Lanes are added in float, 8 vectors at a time, and each such block is added
 * to a double in lane order. The float part holds at most 8 terms per lane, so the sum is good to
 * about 10 float roundings for any {@code Tk}, and the order is fixed: a row's bits do not depend on
 * anything but the row.
 *
 * <p><b>Special rows</b>, as the contract says: nothing allowed (or only −∞) gives zeros; a NaN or
 * +∞ in an allowed entry makes the maximum or the sum NaN, so the row's allowed entries are NaN,
 * while its masked entries are still set to exactly 0 at the end.
 */
final class SimdSoftmax implements RowWork {

    /** Vectors summed in float before the partial sum goes into the double. */
    private static final int SUM_BLOCK = 8;

    private final SoftmaxShape shape;
    private final int[] outputShape;
    private final FloatBuffer scores; // [rows, Tk], read in place
    private final float scale;
    private final Mask mask;

    private SimdSoftmax(SoftmaxShape shape, int[] outputShape, FloatBuffer scores, float scale, Mask mask) {
        this.shape = shape;
        this.outputShape = outputShape;
        this.scores = scores;
        this.scale = scale;
        this.mask = mask;
    }

    /** Checks the mask and the scale against the scores. */
    static SimdSoftmax prepare(Tensor scores, float scale, Mask mask) {
        SoftmaxShape shape = SoftmaxShape.of(scores, scale, mask);
        return new SimdSoftmax(shape, scores.shape(), scores.values(), scale, mask);
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public int rows() {
        return shape.rows();
    }

    @Override
    public long costPerRow() {
        return shape.keys();
    }

    @Override
    public void compute(int rowFrom, int rowTo, TensorWriter out) {
        int keys = shape.keys();
        float[] x = new float[PackedPanels.roundUp(keys, LANES)]; // the row, padded with −∞
        float[] y = new float[x.length];
        boolean[] allowed = new boolean[keys];
        Arrays.fill(x, keys, x.length, Float.NEGATIVE_INFINITY);
        for (int row = rowFrom; row < rowTo; row++) {
            scores.get(row * keys, x, 0, keys);
            boolean whole = mask.isNone() || mask.allowsAllOf(shape.batchOf(row), shape.queryOf(row),
                    shape.queryOf(row) + 1, 0, keys);
            if (!whole) {
                for (int j = 0; j < keys; j++) {
                    allowed[j] = mask.allows(shape.batchOf(row), shape.queryOf(row), j);
                    x[j] = allowed[j] ? x[j] : Float.NEGATIVE_INFINITY; // a masked score is never read
                }
            }
            softmaxRow(x, y, scale);
            if (!whole) {
                for (int j = 0; j < keys; j++) {
                    y[j] = allowed[j] ? y[j] : 0f; // exactly 0, even in a NaN row
                }
            }
            out.put(row * keys, y, 0, keys);
        }
    }

    /** {@code y = softmax(s·x)} of one padded row whose masked entries are already −∞. */
    static void softmaxRow(float[] x, float[] y, float scale) {
        // m = max_j x_j; Math.max semantics in each lane, so a NaN makes m NaN
        FloatVector max = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < x.length; j += LANES) {
            max = max.max(FloatVector.fromArray(SPECIES, x, j));
        }
        float m = max.reduceLanes(VectorOperators.MAX);
        if (m == Float.NEGATIVE_INFINITY) {
            Arrays.fill(y, 0f); // nothing allowed, or only −∞: attends to nothing
            return;
        }

        // e_j = exp(s·(x_j − m)), every one at most exp(0) = 1; Σ_j e_j in a fixed order
        double sum = 0;
        float[] lanes = new float[LANES];
        for (int j0 = 0; j0 < x.length; j0 += SUM_BLOCK * LANES) {
            FloatVector partial = FloatVector.zero(SPECIES);
            for (int j = j0; j < Math.min(x.length, j0 + SUM_BLOCK * LANES); j += LANES) {
                FloatVector e = VectorExp.exp(FloatVector.fromArray(SPECIES, x, j).sub(m).mul(scale));
                e.intoArray(y, j);
                partial = partial.add(e);
            }
            partial.intoArray(lanes, 0);
            for (float lane : lanes) {
                sum += lane;
            }
        }

        // y_j = e_j / Σ
        float inverse = (float) (1.0 / sum);
        for (int j = 0; j < y.length; j += LANES) {
            FloatVector.fromArray(SPECIES, y, j).mul(inverse).intoArray(y, j);
        }
    }
}
