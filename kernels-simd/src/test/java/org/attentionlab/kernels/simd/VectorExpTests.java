package org.attentionlab.kernels.simd;

import static org.attentionlab.kernels.simd.MicroKernel.LANES;
import static org.attentionlab.kernels.simd.MicroKernel.SPECIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The vectorised exponential against {@link Math#exp} rounded to float, and at its special values. */
class VectorExpTests {

    /** ulp distance between two non-negative floats: how many representable floats lie between them. */
    private static long ulps(float a, float b) {
        return Math.abs((long) Float.floatToIntBits(a) - Float.floatToIntBits(b));
    }

    private static float[] exp(float... x) {
        float[] padded = new float[PackedPanels.roundUp(x.length, LANES)];
        System.arraycopy(x, 0, padded, 0, x.length);
        float[] y = new float[padded.length];
        for (int i = 0; i < padded.length; i += LANES) {
            VectorExp.exp(FloatVector.fromArray(SPECIES, padded, i)).intoArray(y, i);
        }
        return java.util.Arrays.copyOf(y, x.length);
    }

    /** Largest ulp error over {@code count} evenly spaced points of {@code [from, to]}. */
    private static long worstUlps(float from, float to, int count) {
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (float) (from + (to - (double) from) * i / (count - 1));
        }
        float[] y = exp(x);
        long worst = 0;
        for (int i = 0; i < count; i++) {
            worst = Math.max(worst, ulps(y[i], (float) Math.exp(x[i])));
        }
        return worst;
    }

    @Test
    void isWithinTwoUlpsOfMathExpOverTheNormalRange() {
        // exp(x) is a normal float for x in [−87.33, 88.72]; softmax uses x ≤ 0
        long worst = worstUlps(-87.3f, 88.7f, 1_000_003);
        assertTrue(worst <= 2, "worst error " + worst + " ulps");
    }

    @Test
    void isWithinTwoUlpsNearZeroWhereSoftmaxSpendsItsTime() {
        long worst = worstUlps(-20f, 0f, 1_000_003);
        assertTrue(worst <= 2, "worst error " + worst + " ulps");
    }

    @Test
    void roundsGraduallyIntoSubnormals() {
        // below the normal range the result loses precision as the float does; still within 2 of its ulps
        long worst = worstUlps(-103.9f, -87.4f, 100_003);
        assertTrue(worst <= 2, "worst error " + worst + " subnormal ulps");
    }

    @Test
    void specialValues() {
        float[] y = exp(Float.NEGATIVE_INFINITY, -1000f, -104.5f, 0f, -0f, 88.8f, 1000f,
                Float.POSITIVE_INFINITY, Float.NaN, 1f);
        assertEquals(0f, y[0], "exp(−∞)");
        assertEquals(0f, y[1], "exp(−1000)");
        assertEquals(0f, y[2], "exp(−104.5)");
        assertEquals(1f, y[3], "exp(0)");
        assertEquals(1f, y[4], "exp(−0)");
        assertEquals(Float.POSITIVE_INFINITY, y[5], "exp(88.8) overflows");
        assertEquals(Float.POSITIVE_INFINITY, y[6], "exp(1000)");
        assertEquals(Float.POSITIVE_INFINITY, y[7], "exp(+∞)");
        assertTrue(Float.isNaN(y[8]), "exp(NaN) is NaN, got " + y[8]);
        assertTrue(ulps(y[9], (float) Math.E) <= 1, "exp(1) = " + y[9]);
    }
}
