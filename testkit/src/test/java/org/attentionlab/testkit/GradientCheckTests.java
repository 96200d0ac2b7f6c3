package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.GradientCheck.GradientReport;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The gradient check on operations whose derivatives are known by hand: y = x² element-wise
 * (dx = 2x·dy) and the row-normalisation y_i = x_i / Σ_j x_j (dx_k = (dy_k − Σ_i dy_i·y_i) / Σ_j x_j),
 * whose derivative has a sum term that is easy to forget, like softmax's.
 */
class GradientCheckTests {

    private static final Tensor X = Tensor.of(new float[][] {{0.5f, -1.25f, 2f}, {3f, 0.75f, -0.5f}});
    private static final Tensor DY = Tensor.of(new float[][] {{1f, -2f, 0.5f}, {0.25f, 1.5f, -1f}});

    private static double[] squareInDouble(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i];
        }
        return y;
    }

    /** dx = factor·x·dy: factor 2 is the derivative of x², factor 1 a classic mistake. */
    private static Tensor squareBackward(float factor) {
        float[] x = X.toArray();
        float[] dy = DY.toArray();
        float[] dx = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            dx[i] = factor * x[i] * dy[i];
        }
        return Tensor.fromArray(dx, X.shape());
    }

    /** y = x / Σx over one row of positive values. */
    private static Tensor normalise(Tensor x) {
        float[] v = x.toArray();
        float sum = 0;
        for (float f : v) {
            sum += f;
        }
        return x.times(1f / sum);
    }

    /** dx_k = (dy_k − Σ_i dy_i·y_i) / Σx, or without the row sum if {@code withRowSum} is false. */
    private static Tensor normaliseBackward(Tensor x, Tensor dy, boolean withRowSum) {
        float[] v = x.toArray();
        float[] y = normalise(x).toArray();
        float[] g = dy.toArray();
        float sum = 0;
        float rowsum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            rowsum += g[i] * y[i];
        }
        float[] dx = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            dx[k] = (g[k] - (withRowSum ? rowsum : 0)) / sum;
        }
        return Tensor.fromArray(dx, x.shape());
    }

    @Test
    void theRightDerivativeAgrees() {
        GradientReport report = GradientCheck.compare(X, DY, squareBackward(2), GradientCheckTests::squareInDouble);

        assertTrue(report.agrees(), report::toString);
        assertTrue(report.worstError() < 1e-6, report::toString);
        report.assertAgrees("x²");
    }

    @Test
    void aMissingFactorIsReportedWithTheWorstElement() {
        GradientReport report = GradientCheck.compare(X, DY, squareBackward(1), GradientCheckTests::squareInDouble);

        assertFalse(report.agrees());
        assertEquals(0.5, report.worstError(), 1e-6, "dx is half of 2x·dy everywhere: relative error 1/2");
        assertEquals(2, report.worstIndex().length, "an index into the [2, 3] input");
        assertEquals(report.numeric() / 2, report.analytic(), 1e-6);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> report.assertAgrees("x²"));
        assertTrue(failure.getMessage().startsWith("x²: gradient disagrees with finite differences: worst error 5.00e-01 at ["),
                failure.getMessage());
    }

    @Test
    void aFloatForwardChecksTheSameWayWithItsOwnTolerance() {
        Tensor x = Tensor.of(1f, 2f, 3.5f, 0.5f);
        Tensor dy = Tensor.of(0.5f, -1f, 2f, 0.25f);

        GradientReport right = GradientCheck.compareInFloat(x, dy, normaliseBackward(x, dy, true), GradientCheckTests::normalise);
        GradientReport forgotten = GradientCheck.compareInFloat(x, dy, normaliseBackward(x, dy, false), GradientCheckTests::normalise);

        assertTrue(right.agrees(), right::toString);
        assertEquals(GradientCheck.FLOAT_TOLERANCE, right.tolerance());
        assertFalse(forgotten.agrees(), "a backward without the row-sum term must fail: " + forgotten);
    }

    @Test
    void aNaNGradientNeverAgrees() {
        float[] dx = squareBackward(2).toArray();
        dx[4] = Float.NaN;

        GradientReport report = GradientCheck.compare(X, DY, Tensor.fromArray(dx, 2, 3), GradientCheckTests::squareInDouble);

        assertFalse(report.agrees());
        assertEquals(Double.POSITIVE_INFINITY, report.worstError());
        assertArrayEquals(new int[] {1, 1}, report.worstIndex());
    }

    @Test
    void gradientsOfTheWrongShapeAreRejected() {
        IllegalArgumentException wrongDx = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.compare(X, DY, Tensor.zeros(3, 2), GradientCheckTests::squareInDouble));
        IllegalArgumentException wrongDy = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.compare(X, Tensor.zeros(5), squareBackward(2), GradientCheckTests::squareInDouble));

        assertTrue(wrongDx.getMessage().contains("[3, 2]") && wrongDx.getMessage().contains("[2, 3]"), wrongDx.getMessage());
        assertTrue(wrongDy.getMessage().contains("gave 6 values but dy [5]"), wrongDy.getMessage());
    }
}
