package org.attentionlab.testkit;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.attentionlab.api.Tensor;
import org.opentest4j.AssertionFailedError;

/**
 * Checks the backward of an operation against central finite differences: the test that tells
 * you whether the derivative you wrote is the derivative of the forward you wrote.
 *
 * <p>The operation {@code y = f(x)} may have any output shape. It is turned into one number by
 * an upstream gradient {@code dy} of the output's shape, {@code L(x) = Σ_i f(x)_i · dy_i}, whose
 * gradient is what a backward returns for {@code dy}: {@code dx = Jᵀ·dy}. Each element of
 * {@code dx} is compared with
 *
 * <pre>
 *   (L(x + h·e_i) − L(x − h·e_i)) / 2h
 * </pre>
 *
 * <p>Two forwards can be checked against. {@link #compare} takes the forward written in
 * {@code double} (a reference, exact up to 1e-16): the differences are then accurate to about
 * 1e-9, and what remains is the float32 rounding of your backward. {@link #compareInFloat} takes a
 * float forward (for example the one you are testing): its rounding makes the differences
 * noisier, so the step is larger and the tolerance looser.
 *
 * <h2>What "agrees" means</h2>
 * Element by element, {@code error_i = |a_i − n_i| / max(|a_i|, |n_i|, FLOOR · S)} with {@code a}
 * your gradient, {@code n} the finite difference and {@code S = max(1, max_j |n_j|)}: a relative
 * error, except that elements far smaller than the gradient's scale ({@value #FLOOR} of it) are
 * compared on that scale, where float32 cancellation makes tiny values meaningless. The worst
 * element must stay within the tolerance; a wrong derivative (a lost term, a missing factor) is
 * off by 10% or more.
 *
 * <pre>
 *   GradientReport r = GradientCheck.compare(x, dy, myBackward(x, dy), v -> myForwardInDouble(v));
 *   r.assertAgrees("my operation");   // or look at r.worstError(), r.worstIndex()
 * </pre>
 */
public final class GradientCheck {

    /** Elements smaller than this fraction of the gradient's scale are compared on that scale. */
    public static final double FLOOR = 1e-2;

    /** Tolerance against a double forward: float32 rounding of the backward, with room to spare. */
    public static final double DOUBLE_TOLERANCE = 1e-3;

    /** Tolerance against a float forward: the differences themselves carry float32 noise. */
    public static final double FLOAT_TOLERANCE = 3e-2;

    /** Steps {@code h} (times {@code max(1, |x_i|)}): small truncation for a double forward, above float rounding for a float one. */
    static final double DOUBLE_STEP = 1e-6;
    static final double FLOAT_STEP = 1e-2;

    /** A forward written in double: {@code x} and the result are row-major, as {@link Tensor#toArray()}. */
    @FunctionalInterface
    public interface DoubleForward {
        double[] apply(double[] x);
    }

    private GradientCheck() {
    }

    /**
     * Compares {@code dx} (your backward's gradient at {@code x}, any shape, for the upstream
     * gradient {@code dy}, shaped as the output) with central differences of {@code forward}.
     *
     * @throws IllegalArgumentException if {@code dx} is not shaped as {@code x}, or the forward's
     *                                  output does not have {@code dy}'s number of elements
     */
    public static GradientReport compare(Tensor x, Tensor dy, Tensor dx, DoubleForward forward) {
        Objects.requireNonNull(forward, "forward");
        return compare(x, dy, dx, forward, DOUBLE_STEP, DOUBLE_TOLERANCE);
    }

    /**
     * As {@link #compare}, with a float forward (for example the one the backward belongs to):
     * step {@value #FLOAT_STEP}, tolerance {@value #FLOAT_TOLERANCE}.
     */
    public static GradientReport compareInFloat(Tensor x, Tensor dy, Tensor dx, UnaryOperator<Tensor> forward) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(forward, "forward");
        int[] shape = x.shape();
        DoubleForward inFloat = v -> {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            return toDoubles(forward.apply(Tensor.fromArray(f, shape)).toArray());
        };
        return compare(x, dy, dx, inFloat, FLOAT_STEP, FLOAT_TOLERANCE);
    }

    private static GradientReport compare(Tensor x, Tensor dy, Tensor dx, DoubleForward forward, double step,
                                          double tolerance) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(dy, "dy");
        Objects.requireNonNull(dx, "dx");
        if (!Arrays.equals(x.shape(), dx.shape())) {
            throw new IllegalArgumentException("GradientCheck: the gradient dx " + Arrays.toString(dx.shape())
                    + " must have the shape of x " + Arrays.toString(x.shape()));
        }
        double[] point = toDoubles(x.toArray());
        double[] upstream = toDoubles(dy.toArray());
        float[] analytic = dx.toArray();
        double[] numeric = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            double original = point[i];
            double h = step * Math.max(1, Math.abs(original));
            point[i] = original + h;
            double up = loss(forward, point, upstream, dy);
            point[i] = original - h;
            double down = loss(forward, point, upstream, dy);
            point[i] = original;
            numeric[i] = (up - down) / (2 * h);
        }
        double scale = Arrays.stream(numeric).map(Math::abs).reduce(1, Math::max);
        double[] errors = IntStream.range(0, numeric.length).mapToDouble(i -> {
            double a = analytic[i];
            double n = numeric[i];
            double error = Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)), FLOOR * scale);
            return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error; // a NaN gradient is as wrong as it gets
        }).toArray();
        int worst = IntStream.range(0, errors.length).reduce((i, j) -> errors[j] > errors[i] ? j : i).orElse(-1);
        double worstError = worst < 0 ? 0 : errors[worst];
        int[] where = worst < 0 ? new int[0] : Agreement.indexOf(worst, x.shape());
        return new GradientReport(worstError, where, worst < 0 ? 0 : analytic[worst], worst < 0 ? 0 : numeric[worst],
                tolerance);
    }

    /** {@code L = Σ_i f(x)_i · dy_i}. */
    private static double loss(DoubleForward forward, double[] x, double[] upstream, Tensor dy) {
        double[] y = forward.apply(x.clone());
        if (y.length != upstream.length) {
            throw new IllegalArgumentException("GradientCheck: the forward gave " + y.length + " values but dy "
                    + Arrays.toString(dy.shape()) + " has " + upstream.length);
        }
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i] * upstream[i];
        }
        return sum;
    }

    private static double[] toDoubles(float[] values) {
        return IntStream.range(0, values.length).mapToDouble(i -> values[i]).toArray();
    }

    /**
     * What a gradient check found: the worst element and how far off it is.
     *
     * @param worstError the largest error (see {@link GradientCheck}); infinite for a NaN gradient
     * @param worstIndex where, as an index into {@code x}
     * @param analytic   your gradient there
     * @param numeric    the finite difference there
     * @param tolerance  the largest error that agrees
     */
    public record GradientReport(double worstError, int[] worstIndex, double analytic, double numeric,
                                 double tolerance) {

        public GradientReport {
            worstIndex = worstIndex.clone();
        }

        @Override
        public int[] worstIndex() {
            return worstIndex.clone();
        }

        /** True if the worst error is within the tolerance. */
        public boolean agrees() {
            return worstError <= tolerance;
        }

        /** Throws an {@link AssertionFailedError} naming {@code what} and the worst element unless it {@link #agrees()}. */
        public void assertAgrees(String what) {
            if (!agrees()) {
                throw new AssertionFailedError(what + ": gradient disagrees with finite differences: " + this);
            }
        }

        /** For example {@code worst error 2.1e-07 at [0, 3]: analytic 0.5123, numeric 0.5123 (tolerance 1.0e-03)}. */
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "worst error %.2e at %s: analytic %.6g, numeric %.6g (tolerance %.1e)",
                    worstError, Arrays.toString(worstIndex), analytic, numeric, tolerance);
        }
    }
}
