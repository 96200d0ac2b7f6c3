package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * When two results "agree": the one numerical tolerance of the kit, written once.
 *
 * <p>Element by element, with {@code RTOL = 1e-4} and {@code ATOL = 1e-5}, a result {@code c}
 * agrees with the expected {@code e} of magnitude {@code S} if
 * <pre>
 *   |c − e| ≤ RTOL · S + ATOL
 *
 *   matmul:            S = Σ_k |A[.., i, k] · B[.., k, j]|   (summed in double)
 *   softmax:           S = |e|
 *   attention output:  S = Σ_j |w_ij · V[.., j, d]|, over the expected weights
 *   sum x + y:         S = |x| + |y|                     (an encoding added to an input)
 *   same computation:  S = |e| + 0.1 · max(1, max|e|)   (two results of one implementation for
 *                                                        mathematically equal inputs)
 * </pre>
 *
 * <p>Two results that must <i>differ</i> (two positions' encodings, an output whose input
 * changed) are those that do not agree under the same-computation rule.
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
 * <p><b>Special values</b> must match exactly (NaN with NaN, +∞ with +∞), with one exception,
 * the {@link org.attentionlab.api.Kernel} contract's <b>overflow</b> rule: where {@code S}
 * exceeds {@link Float#MAX_VALUE} (finite inputs whose terms are too large for float32), a
 * partial sum may overflow in some summation order, so the element may be ±∞, NaN, or agree with
 * the oracle as above. {@code [3e38, 3e38, −3e38]·[1, 1, 1]ᵀ} may be 3e38 (double sums) or ∞
 * (float sums from the left); {@code [1e30, 1e30]·[1e10, −1e10]ᵀ} may be 0 or NaN (∞ − ∞).
 *
 * <p>Comparisons of a layer with itself ({@link #assertAgreesUpToRounding}) also require finite
 * results: a law that compared NaN with NaN would hold vacuously.
 */
public final class Agreement {

    /** Relative tolerance, applied to the magnitude S (see the class comment). */
    public static final double RTOL = 1e-4;

    /** Absolute tolerance, for results close to 0. */
    public static final double ATOL = 1e-5;

    /** How far a row of weights may sum from 1. */
    static final double ROW_SUM_TOLERANCE = 1e-5;

    /** Inputs with at most this many values are printed in failure messages. */
    private static final int PRINTED_VALUES = 16;

    private Agreement() {
    }

    /**
     * Asserts that {@code actual} is {@code left · right} (as {@code operand} says) within the
     * matmul rule, taking {@code expected} from the oracle.
     */
    public static void assertMatmulAgrees(Tensor left, Tensor right, RightOperand operand,
                                          Tensor actual, Tensor expected) {
        assertAgrees("matmul", "the naive kernel", actual, expected, magnitudes(left, right, operand), i -> "",
                inputs("left", left) + inputs("right", right));
    }

    /** Asserts that {@code actual} softmax weights agree with the oracle's {@code expected}. */
    public static void assertSoftmaxAgrees(Tensor actual, Tensor expected) {
        assertWeightsAgree("softmax", "the naive kernel", actual, expected);
    }

    /** Weights {@code [..., Tq, Tk]} ({@code what}) agree with the expected ones ({@code oracle}) under the softmax rule. */
    static void assertWeightsAgree(String what, String oracle, Tensor actual, Tensor expected) {
        assertAgrees(what, oracle, actual, expected, abs(expected), i -> "", "");
    }

    /**
     * An attention output {@code weights·V} agrees with the expected one ({@code oracle} names it)
     * under the matmul rule, the magnitude taken over the expected weights.
     */
    static void assertOutputAgrees(String oracle, Tensor expectedWeights, Tensor value, Tensor actual, Tensor expected) {
        assertAgrees("attention output", oracle, actual, expected,
                magnitudes(expectedWeights, value, RightOperand.AS_IS), i -> "", "");
    }

    /**
     * {@code actual} ({@code what}) is {@code x + y} under the sum rule, {@code y} repeated along
     * {@code x}'s leading dimensions: {@code y} of shape {@code [T, D]} is added to every
     * {@code [T, D]} block of {@code x} (an encoding added to every sequence of a batch).
     */
    static void assertSumAgrees(String what, String sum, Tensor x, Tensor y, Tensor actual) {
        float[] a = x.toArray();
        float[] b = y.toArray();
        float[] e = new float[a.length];
        double[] magnitude = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            e[i] = a[i] + b[i % b.length];
            magnitude[i] = Math.abs(a[i]) + Math.abs(b[i % b.length]);
        }
        assertAgrees(what, sum, actual, Tensor.fromArray(e, x.shape()), magnitude,
                i -> " = " + a[i] + " + " + b[i % b.length], "");
    }

    /**
     * Asserts that {@code actual} is {@code expected} up to float rounding, both finite: two results
     * of one implementation for mathematically equal inputs (reordered, cut, or with masked parts
     * changed), under the same-computation rule of the class comment. {@code what} names the
     * result in the failure, e.g. {@code "output after reordering the keys"}.
     *
     * <p>For tests of your own that compare a layer (or any computation) with itself; a result
     * compared with a reference implementation uses the rule of its operation instead.
     */
    public static void assertAgreesUpToRounding(String what, Tensor actual, Tensor expected) {
        assertFinite(what + " (expected)", expected);
        assertFinite(what, actual);
        assertAgrees(what, "the expected value", actual, expected, upToRounding(expected), i -> "", "");
    }

    /** {@link #assertAgreesUpToRounding} for an attention result's output and weights; {@code how} ends both names. */
    static void assertResultAgreesUpToRounding(String how, AttentionResult actual, Tensor output, Tensor weights) {
        assertAgreesUpToRounding("output " + how, actual.output(), output);
        assertAgreesUpToRounding("weights " + how, actual.weights(), weights);
    }

    /**
     * True if {@code actual} agrees with {@code expected} under the same-computation rule (same
     * shape): what a result that must change (because its input changed) must not do.
     */
    public static boolean agreesUpToRounding(Tensor actual, Tensor expected) {
        return agree(actual, expected, upToRounding(expected));
    }

    /** The same-computation magnitudes of {@code expected}: {@code |e| + 0.1 · max(1, max|e|)}. */
    private static double[] upToRounding(Tensor expected) {
        double[] magnitude = abs(expected);
        double scale = Arrays.stream(magnitude).reduce(1, Math::max);
        return Arrays.stream(magnitude).map(m -> m + 0.1 * scale).toArray();
    }

    /** Asserts that every element of {@code x} is a finite number. */
    static void assertFinite(String what, Tensor x) {
        assertNotNull(x, what + " is null");
        FloatBuffer values = x.values();
        for (int i = 0; i < values.limit(); i++) {
            if (!Float.isFinite(values.get(i))) { // a loop, not a stream: the failure's trace stays readable
                fail(what + " holds " + values.get(i) + " at index " + Arrays.toString(indexOf(i, x.shape()))
                        + " although the inputs are finite");
            }
        }
    }

    /** Asserts that attention weights are {@code [B, ..., Tq, Tk]}: rank ≥ 3, batch first, queries × keys last. */
    static void assertWeightShape(Tensor weights, int batch, int tq, int tk) {
        assertNotNull(weights, "weights");
        int[] s = weights.shape();
        if (s.length < 3 || s[0] != batch || s[s.length - 2] != tq || s[s.length - 1] != tk) {
            fail("weights are " + Arrays.toString(s) + ", expected [" + batch + ", ..., " + tq + ", " + tk
                    + "] ([B, ..., Tq, Tk], e.g. [B, H, Tq, Tk])");
        }
    }

    /** {@link #assertMaskedAreZero} and {@link #assertRowsSumToOne}: every row is what a masked softmax gives. */
    static void assertProbabilities(Tensor weights, Mask mask) {
        assertMaskedAreZero(weights, mask);
        assertRowsSumToOne(weights, mask);
    }

    /**
     * Weights {@code [..., Tq, Tk]} (rows as {@link SoftmaxShape} counts them, the mask addressing
     * row {@code r} as {@code (batchOf(r), queryOf(r))}, as kernels apply it) are exactly 0 where
     * {@code mask} disallows the key, so a row that allows no key is all zeros.
     */
    static void assertMaskedAreZero(Tensor weights, Mask mask) {
        SoftmaxShape rows = SoftmaxShape.of(weights, mask);
        float[] w = weights.toArray();
        for (int row = 0; row < rows.rows(); row++) {
            for (int key = 0; key < rows.keys(); key++) {
                float weight = w[row * rows.keys() + key];
                if (!mask.allows(rows.batchOf(row), rows.queryOf(row), key) && weight != 0f) {
                    fail((fullyMasked(mask, rows, row) ? query(rows, row) + " allows no key, but masked key " + key
                            : "masked key " + key + " of " + query(rows, row)) + " has weight " + weight + ", not exactly 0");
                }
            }
        }
    }

    /**
     * Every weight is a number in [0, 1], and every row that allows some key sums to 1 within
     * {@value #ROW_SUM_TOLERANCE} (float rounding of up to ~150 terms, with room to spare).
     */
    static void assertRowsSumToOne(Tensor weights, Mask mask) {
        SoftmaxShape rows = SoftmaxShape.of(weights, mask);
        float[] w = weights.toArray();
        for (int row = 0; row < rows.rows(); row++) {
            double sum = 0;
            for (int key = 0; key < rows.keys(); key++) {
                float weight = w[row * rows.keys() + key];
                if (!(weight >= 0 && weight <= 1 + 1e-6)) {
                    fail("weight " + weight + " of " + query(rows, row) + " on key " + key + " is not a number in [0, 1]");
                }
                sum += weight;
            }
            if (!fullyMasked(mask, rows, row) && !(Math.abs(sum - 1) <= ROW_SUM_TOLERANCE)) {
                fail("the weights of " + query(rows, row) + " sum to " + sum + ", not 1");
            }
        }
    }

    /** Row {@code row} of weights shaped as {@code rows} says, for messages: {@code "query 2 (batch entry 1, row 5)"}. */
    static String query(SoftmaxShape rows, int row) {
        return "query " + rows.queryOf(row) + " (batch entry " + rows.batchOf(row) + ", row " + row + ")";
    }

    /** True if {@code mask} allows no key to the query of row {@code row} of scores shaped as {@code rows} says. */
    static boolean fullyMasked(Mask mask, SoftmaxShape rows, int row) {
        return IntStream.range(0, rows.keys()).noneMatch(key -> mask.allows(rows.batchOf(row), rows.queryOf(row), key));
    }

    /** True if every weight of {@code actual} agrees with {@code expected} under the softmax rule (same shape). */
    static boolean weightsAgree(Tensor actual, Tensor expected) {
        return agree(actual, expected, abs(expected));
    }

    private static boolean agree(Tensor actual, Tensor expected, double[] magnitude) {
        return Arrays.equals(actual.shape(), expected.shape())
                && disagreements(actual.values(), expected.values(), magnitude).length == 0;
    }

    /**
     * True if {@code actual} agrees with {@code expected} of magnitude {@code magnitude}: within
     * {@code RTOL · magnitude + ATOL}, the same special value, or (overflow) anything non-finite
     * where a finite magnitude exceeds {@link Float#MAX_VALUE}.
     */
    public static boolean agrees(float actual, float expected, double magnitude) {
        boolean overflow = magnitude > Float.MAX_VALUE && Double.isFinite(magnitude);
        if (overflow && !Float.isFinite(actual)) {
            return true; // ±∞ or NaN: a partial sum overflowed, as the contract allows
        }
        if (!overflow && !Float.isFinite(expected)) {
            return Float.compare(actual, expected) == 0; // NaN with NaN, +∞ with +∞, −∞ with −∞
        }
        return Math.abs((double) actual - expected) <= RTOL * magnitude + ATOL; // false for NaN and for e = ±∞
    }

    /** The one failure message of a disagreement; {@code expectedAs} explains an expected element (or says nothing). */
    private static void assertAgrees(String operation, String oracle, Tensor actual, Tensor expected,
                                     double[] magnitude, IntFunction<String> expectedAs, String inputs) {
        assertNotNull(actual, operation + " returned null");
        assertArrayEquals(expected.shape(), actual.shape(), () -> operation + " result has shape "
                + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape()));
        FloatBuffer got = actual.values();
        FloatBuffer want = expected.values();
        int[] bad = disagreements(got, want, magnitude);
        if (bad.length > 0) {
            int first = bad[0];
            double s = magnitude[first];
            String allowed = s > Float.MAX_VALUE && Double.isFinite(s)
                    ? "the terms overflow float (S = " + s + "), so ±∞, NaN or within " + (RTOL * s + ATOL)
                    : "allowed " + (RTOL * s + ATOL) + " = " + RTOL + " · " + s + " + " + ATOL;
            String verb = operation.endsWith("s") ? " disagree with " : " disagrees with "; // "weights disagree"
            fail(operation + verb + oracle + " at " + bad.length + " of " + got.limit()
                    + " elements; first at index " + Arrays.toString(indexOf(first, expected.shape()))
                    + ": got " + got.get(first) + ", expected " + want.get(first) + expectedAs.apply(first) + " (|difference| = "
                    + Math.abs((double) got.get(first) - want.get(first)) + ", " + allowed + ")" + inputs);
        }
    }

    /** The indices of the elements of {@code got} that disagree with {@code want}. */
    private static int[] disagreements(FloatBuffer got, FloatBuffer want, double[] magnitude) {
        return IntStream.range(0, got.limit()).filter(i -> !agrees(got.get(i), want.get(i), magnitude[i])).toArray();
    }

    /** {@code S[.., i, j] = Σ_k |A[.., i, k]| · |B[.., k, j]|} in double: what float rounding of the product is proportional to. */
    static double[] magnitudes(Tensor left, Tensor right, RightOperand operand) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        FloatBuffer a = left.values();
        FloatBuffer b = right.values();
        int m = shape.m();
        int k = shape.k();
        int n = shape.n();
        double[] s = new double[shape.batch() * m * n]; // [batch, M, N]
        for (int e = 0; e < shape.batch(); e++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        float bv = operand == RightOperand.AS_IS ? b.get(shape.rightOffset(e) + p * n + j)
                                : b.get(shape.rightOffset(e) + j * k + p);
                        sum += Math.abs((double) a.get(shape.leftOffset(e) + i * k + p)) * Math.abs(bv);
                    }
                    s[shape.outputOffset(e) + i * n + j] = sum;
                }
            }
        }
        return s;
    }

    private static double[] abs(Tensor t) {
        FloatBuffer values = t.values();
        return IntStream.range(0, values.limit()).mapToDouble(i -> Math.abs(values.get(i))).toArray();
    }

    /** {@code "; name [2, 3] = [..]"} when {@code t} is small enough to read, otherwise nothing. */
    static String inputs(String name, Tensor t) {
        return t.size() > PRINTED_VALUES ? "" : "; " + name + " " + Arrays.toString(t.shape()) + " = "
                + Arrays.toString(t.toArray());
    }

    /**
     * {@code " = [0.31, -1.2]"} (the values, rounded to 4 digits) when the tensor has at most 4
     * values, otherwise nothing: how a small failing case shows its input values.
     */
    static String valuesIfSmall(long size, Supplier<Tensor> tensor) {
        FloatBuffer values = size > 4 ? null : tensor.get().values();
        return values == null ? "" : IntStream.range(0, values.limit())
                .mapToObj(i -> String.format(Locale.ROOT, "%.4g", values.get(i))).collect(Collectors.joining(", ", " = [", "]"));
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
