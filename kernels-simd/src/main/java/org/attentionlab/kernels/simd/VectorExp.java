package org.attentionlab.kernels.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code exp(x)} for every lane of a float vector, accurate to 1–2 ulp: what makes the softmax
 * fast. Java has only a scalar, double {@link Math#exp}; calling it once per score cost 75–80% of
 * a composed attention's time, while this is about a dozen vector instructions for 8 or 16 lanes.
 *
 * <h2>How</h2>
 * <ol>
 *   <li><b>Range reduction.</b> Write {@code x = k·ln 2 + r} with {@code k = round(x / ln 2)}, so
 *       {@code |r| ≤ ln 2 / 2} and {@code exp(x) = 2^k · exp(r)}. {@code k} is rounded with the
 *       "magic number" trick (adding {@code 1.5·2^23} pushes the fraction out of the mantissa).
 *       {@code r = x − k·ln 2} is computed with {@code ln 2} split in two ({@code LN2_HI} has few
 *       enough bits that {@code k·LN2_HI} is exact), so {@code r} carries no cancellation error.</li>
 *   <li><b>Polynomial.</b> On that small interval {@code exp(r) ≈ 1 + r + r²·P(r)} with a degree-5
 *       minimax polynomial {@code P} (the coefficients of Cephes' {@code expf}), evaluated by
 *       Horner's rule with fused multiply-adds.</li>
 *   <li><b>Scaling by 2^k</b> by building the float whose exponent field is {@code k} (an integer
 *       shift, no multiplication tables). Done as two factors {@code 2^(k/2) · 2^(k − k/2)}, each a
 *       normal float, so results that overflow become +∞ and results below the normal range
 *       round gradually to subnormals and then to 0, with no special cases.</li>
 * </ol>
 *
 * <h2>Special values</h2>
 * {@code x} is first clamped to {@code [−104, 89]}: below −104 the result is 0 (exp(−104) is
 * below half the smallest subnormal), above 89 it is +∞ (exp(88.73) already overflows). So
 * {@code exp(−∞) = 0}, {@code exp(+∞) = +∞}, and NaN stays NaN (the clamp's max and min, like
 * {@link Math#max}, return NaN for NaN; so does the polynomial).
 */
final class VectorExp {

    private static final float LOWEST = -104f;
    private static final float HIGHEST = 89f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;     // 355/512: k·LN2_HI is exact for |k| < 2^15
    private static final float LN2_LO = -2.12194440e-4f;  // ln 2 − LN2_HI
    private static final float ROUNDER = 12582912f;       // 1.5·2^23: x + ROUNDER − ROUNDER = round(x)
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER); // bits(ROUNDER + k) − this = k

    // exp(r) ≈ 1 + r + r²·(P0 + P1·r + … + P5·r⁵) on |r| ≤ ln2/2 (Cephes expf)
    private static final float P0 = 5.0000001201E-1f;
    private static final float P1 = 1.6666665459E-1f;
    private static final float P2 = 4.1665795894E-2f;
    private static final float P3 = 8.3334519073E-3f;
    private static final float P4 = 1.3981999507E-3f;
    private static final float P5 = 1.9875691500E-4f;

    private VectorExp() {
    }

    /** {@code exp} of every lane. */
    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(LOWEST).min(HIGHEST);
        FloatVector shifted = clamped.mul(LOG2E).add(ROUNDER);              // k = round(x / ln 2) now fills the low mantissa bits
        FloatVector k = shifted.sub(ROUNDER);                               // k as a float
        FloatVector r = k.fma(k.broadcast(-LN2_HI), clamped);               // x − k·LN2_HI, exact
        r = k.fma(k.broadcast(-LN2_LO), r);                                 // − k·LN2_LO: r = x − k·ln 2, |r| ≤ 0.35
        FloatVector p = r.broadcast(P5)                                     // P(r) by Horner's rule
                .fma(r, r.broadcast(P4))
                .fma(r, r.broadcast(P3))
                .fma(r, r.broadcast(P2))
                .fma(r, r.broadcast(P1))
                .fma(r, r.broadcast(P0));
        FloatVector expR = p.fma(r.mul(r), r).add(1f);                      // 1 + r + r²·P(r)
        // k as an int, read straight from those bits: no float-to-int conversion, which C2 on JDK 17
        // does not intrinsify for every vector size (it then boxes every vector: 260 MB per attention)
        IntVector ki = ((IntVector) shifted.reinterpretAsInts()).sub(ROUNDER_BITS);
        IntVector half = ki.lanewise(VectorOperators.ASHR, 1);              // k/2, rounded down
        IntVector rest = ki.sub(half);                                      // k − k/2
        return expR.mul(powerOfTwo(half)).mul(powerOfTwo(rest));
    }

    /** {@code 2^n} for {@code −126 ≤ n ≤ 127}: the float with exponent field {@code n + 127} and no fraction. */
    private static FloatVector powerOfTwo(IntVector n) {
        return (FloatVector) n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }
}
