package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * When a kernel's result "agrees with" the naive oracle: the one numerical tolerance of the kit.
 *
 * <p>Element by element, with {@code RTOL = 1e-4} and {@code ATOL = 1e-5}:
 * <pre>
 *   matmul:   |c − c_naive| ≤ RTOL · S + ATOL,   S = Σ_k |A[.., i, k] · B[.., k, j]|
 *   softmax:  |y − y_naive| ≤ RTOL · |y_naive| + ATOL
 * </pre>
 *
 * <p><b>Why scale by S and not by |c|?</b> A float32 sum of K products is exact up to about
 * {@code K · 2⁻²⁴ · S} in the worst case (each addition rounds relative to the partial sum, and
 * partial sums are bounded by S, not by the final |c|). When positive and negative terms cancel,
 * |c| is tiny while the rounding error is not, so a rule relative to |c| would reject correct
 * kernels. With K = 300 the worst case is {@code 300 · 6e-8 · S ≈ 1.8e-5 · S}, five times inside
 * {@code 1e-4 · S}; typical errors grow like √K and are far smaller. Any tiling, any summation
 * order, float or double accumulation, and FMA all pass. A real bug does not: dropping or
 * doubling one product of typical size {@code S / K} is an error of {@code S / K}, which exceeds
 * {@code 1e-4 · S} for every K below 10 000. ATOL covers results near 0, e.g. the empty sum K = 0.
 *
 * <p><b>Softmax</b> weights lie in [0, 1] and each row sums to 1, so the sum's own scale is 1 and
 * a relative rule per weight is enough: exp and a division are each good to about one float
 * rounding, and the row sum to about {@code Tk · 2⁻²⁴} relative.
 *
 * <p>Special values must match exactly: NaN where the oracle has NaN, the same infinity where it
 * has an infinity, and no NaN where it has a number.
 *
 * <p><b>Scaled dot-product attention</b> ({@link ScaledDotProductAttentionContract}) is held to the
 * same two rules against {@code softmax(Q·Kᵀ/√d_k)·V} computed by the naive kernel: its weights
 * under the softmax rule, its output {@code weights·V} under the matmul rule, with
 * {@code S = Σ_j |w_ij| · |V[.., j, d]|} taken over the reference weights.
 */
public final class Agreement {

    /** Relative tolerance, applied to the size of the sum (see the class comment). */
    public static final double RTOL = 1e-4;

    /** Absolute tolerance, for results close to 0. */
    public static final double ATOL = 1e-5;

    private Agreement() {
    }

    /**
     * Asserts that {@code actual} is {@code left · right} (as {@code operand} says) within the
     * matmul rule, taking {@code expected} from the oracle.
     */
    public static void assertMatmulAgrees(Tensor left, Tensor right, RightOperand operand,
                                          Tensor actual, Tensor expected) {
        // S[.., i, j] = Σ_k |A_ik|·|B_kj| is itself a matrix product, of the absolute values.
        Tensor sumOfMagnitudes = new NaiveKernel().matmul(abs(left), abs(right), operand);
        assertAgrees("matmul", "the naive kernel", actual, expected, sumOfMagnitudes);
    }

    /** Asserts that {@code actual} softmax weights agree with the oracle's {@code expected}. */
    public static void assertSoftmaxAgrees(Tensor actual, Tensor expected) {
        assertAgrees("softmax", "the naive kernel", actual, expected, abs(expected));
    }

    /** Attention weights {@code [..., Tq, Tk]} agree with the reference attention's, under the softmax rule. */
    static void assertAttentionWeightsAgree(Tensor actual, Tensor expected) {
        assertAgrees("attention weights", "the reference attention", actual, expected, abs(expected));
    }

    /**
     * An attention output {@code weights·V} agrees with the reference's under the matmul rule, the
     * sum of magnitudes taken over the reference's weights: {@code S = Σ_j |w_ij| · |V[.., j, d]|}.
     */
    static void assertAttentionOutputAgrees(Tensor referenceWeights, Tensor value, Tensor actual, Tensor expected) {
        Tensor sumOfMagnitudes = new NaiveKernel().matmul(abs(referenceWeights), abs(value), RightOperand.AS_IS);
        assertAgrees("attention output", "the reference attention", actual, expected, sumOfMagnitudes);
    }

    /** True if {@code |actual − expected| ≤ RTOL · scale + ATOL}, or both are the same special value. */
    public static boolean agrees(float actual, float expected, float scale) {
        if (Float.isNaN(expected) || Float.isInfinite(expected)) {
            return Float.compare(actual, expected) == 0; // NaN with NaN, +∞ with +∞, −∞ with −∞
        }
        return Math.abs((double) actual - expected) <= RTOL * Math.abs(scale) + ATOL; // false for NaN
    }

    private static void assertAgrees(String operation, String oracle, Tensor actual, Tensor expected, Tensor scale) {
        assertNotNull(actual, operation + " returned null");
        assertArrayEquals(expected.shape(), actual.shape(), () -> operation + " result has shape "
                + Arrays.toString(actual.shape()) + ", the oracle's has " + Arrays.toString(expected.shape()));
        float[] got = actual.toArray();
        float[] want = expected.toArray();
        float[] size = scale.toArray();
        int bad = 0;
        int first = -1;
        for (int i = 0; i < got.length; i++) {
            if (!agrees(got[i], want[i], size[i])) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            double tolerance = RTOL * Math.abs(size[first]) + ATOL;
            String verb = operation.endsWith("s") ? " disagree with " : " disagrees with "; // "weights disagree"
            fail(operation + verb + oracle + " at " + bad + " of " + got.length
                    + " elements; first at index " + Arrays.toString(indexOf(first, expected.shape()))
                    + ": got " + got[first] + ", expected " + want[first] + " (|difference| = "
                    + Math.abs((double) got[first] - want[first]) + ", allowed " + tolerance + " = " + RTOL
                    + " · " + Math.abs(size[first]) + " + " + ATOL + ")");
        }
    }

    /** Element-wise |x|. */
    static Tensor abs(Tensor t) {
        float[] values = t.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(values[i]);
        }
        return Tensor.fromArray(values, t.shape());
    }

    /** The multi-index of row-major position {@code flat} in {@code shape}, for messages. */
    static int[] indexOf(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return index;
    }
}
