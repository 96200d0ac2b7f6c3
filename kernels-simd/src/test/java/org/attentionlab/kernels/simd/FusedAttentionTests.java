package org.attentionlab.kernels.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.Agreement;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fused attention against the composed one (the naive kernel's matmul, softmax, matmul), on
 * sizes that are multiples of no tile (query blocks of 48, key tiles of 64, register tiles of 6 × 16
 * or 6 × 32), with every mask kind, fully masked rows and NaN behind the mask.
 */
class FusedAttentionTests {

    private static final int[] SIZES = {1, 7, 17, 63, 65, 129};

    private final SimdKernel simd = new SimdKernel();

    /** [B=2, H=3, T, D] with Dk = 5 and Dv = 19, so neither width is a whole vector either. */
    private static AttentionInputs inputs(int tq, int tk, long seed) {
        return AttentionInputs.of(Tensor.randomNormal(seed, 2, 3, tq, 5).times(2f), // queries [B, H, Tq, Dk]
                Tensor.randomNormal(seed + 1, 2, 3, tk, 5),                         // keys    [B, H, Tk, Dk]
                Tensor.randomNormal(seed + 2, 2, 3, tk, 19));                       // values  [B, H, Tk, Dv]
    }

    /**
     * Fused output agrees with the composed one under the kit's matmul rule, the sum of magnitudes
     * taken over the composed weights: {@code |o − o_composed| ≤ 1e-4 · Σ_j |w_ij|·|v_jd| + 1e-5}.
     * A non-finite value only counts where its weight is not 0, as the rule "masked keys never reach
     * the output" says.
     */
    private void assertFusedAgreesWithComposed(AttentionInputs in) {
        AttentionResult composed = new NaiveKernel().attentionWithWeights(in);
        Tensor fused = simd.attention(in);
        assertArrayEquals(composed.output().shape(), fused.shape());
        float[] w = composed.weights().toArray(); // [batch, Tq, Tk]
        float[] v = in.value().toArray();         // [batch, Tk, Dv]
        float[] want = composed.output().toArray();
        float[] got = fused.toArray();
        int tq = in.queries();
        int tk = in.keys();
        int dv = in.valueWidth();
        for (int e = 0; e < in.batch(); e++) {
            for (int i = 0; i < tq; i++) {
                for (int d = 0; d < dv; d++) {
                    double magnitude = 0;
                    for (int j = 0; j < tk; j++) {
                        float wij = w[(e * tq + i) * tk + j];
                        magnitude += wij == 0 ? 0 : Math.abs(wij * v[(e * tk + j) * dv + d]);
                    }
                    int at = (e * tq + i) * dv + d;
                    if (!Agreement.agrees(got[at], want[at], (float) magnitude)) {
                        fail("fused attention disagrees with composed at [" + e + ", " + i + ", " + d + "] for "
                                + in + ": got " + got[at] + ", expected " + want[at]);
                    }
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> fusedEqualsComposedForEveryMaskKind() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int t : SIZES) {
            int[] lengths = {t / 2, t}; // one per batch entry: half padding, none
            Mask[] masks = {Mask.none(), Mask.causal(), Mask.keyPadding(lengths), Mask.causal().and(Mask.keyPadding(lengths))};
            for (Mask mask : masks) {
                tests.add(DynamicTest.dynamicTest("T=" + t + ", " + mask,
                        () -> assertFusedAgreesWithComposed(inputs(t, t, t).withMask(mask))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> fusedEqualsComposedWithMoreKeysThanQueriesAndAnotherScale() {
        return Arrays.stream(SIZES).mapToObj(t -> DynamicTest.dynamicTest("Tq=" + t + ", Tk=" + (2 * t + 3),
                () -> assertFusedAgreesWithComposed(inputs(t, 2 * t + 3, 7 * t)
                        .withMask(Mask.keyPadding(t + 1, 2 * t + 3)).withScale(0.9f))));
    }

    @Test
    void emptySequenceGivesZeroVectorsAndTheOthersAgree() {
        // key padding length 0 for batch entry 0: every query of it attends to nothing
        AttentionInputs in = inputs(65, 65, 3).withMask(Mask.keyPadding(0, 40));
        Tensor fused = simd.attention(in);
        float[] out = fused.toArray();
        int perBatchEntry = 3 * 65 * 19; // [H, Tq, Dv]
        for (int i = 0; i < perBatchEntry; i++) {
            assertEquals(0f, out[i], "fully masked query rows are the zero vector, at " + i);
        }
        assertFusedAgreesWithComposed(in);
    }

    @Test
    void nanInMaskedValuesDoesNotReachTheOutput() {
        int t = 129;
        int length = 70;                                   // keys 70..128 are padding, spread over two tiles
        float[] v = Tensor.randomNormal(5, 2, 3, t, 19).toArray(); // [B, H, Tk, Dv]
        for (int e = 0; e < 6; e++) {
            for (int j = length; j < t; j++) {
                v[(e * t + j) * 19 + j % 19] = j % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
            }
        }
        AttentionInputs in = AttentionInputs.of(Tensor.randomNormal(3, 2, 3, t, 5), Tensor.randomNormal(4, 2, 3, t, 5),
                Tensor.fromArray(v, 2, 3, t, 19)).withMask(Mask.keyPadding(length, length).and(Mask.causal()));

        Tensor fused = simd.attention(in);

        for (float x : fused.toArray()) {
            assertTrue(Float.isFinite(x), "a masked NaN or ∞ leaked into the output: " + x);
        }
        assertFusedAgreesWithComposed(in);
    }

    @Test
    void nanInAnAllowedValueMakesItsOutputsNaN() {
        float[] v = Tensor.randomNormal(5, 1, 9, 3).toArray(); // [Tk=9, Dv=3]
        v[4 * 3 + 1] = Float.NaN;                                   // key 4, component 1
        AttentionInputs in = AttentionInputs.of(Tensor.randomNormal(1, 9, 4), Tensor.randomNormal(2, 9, 4),
                Tensor.fromArray(v, 9, 3)).withMask(Mask.causal());

        float[] out = simd.attention(in).toArray();

        for (int i = 0; i < 9; i++) {
            assertEquals(i >= 4, Float.isNaN(out[i * 3 + 1]), "query " + i + " sees key 4 only if i ≥ 4");
            assertTrue(Float.isFinite(out[i * 3]), "other components are unaffected");
        }
    }
}
