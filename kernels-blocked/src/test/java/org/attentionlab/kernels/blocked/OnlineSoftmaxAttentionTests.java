package org.attentionlab.kernels.blocked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.Agreement;
import org.junit.jupiter.api.Test;

/**
 * The blocked kernel's fused attention against the naive kernel's composed attention, on sizes
 * that are multiples of no tile (query blocks and key tiles of 32, register tiles of 4), with
 * every kind of mask, rows that attend to nothing, and NaN behind the mask.
 */
class OnlineSoftmaxAttentionTests {

    private final BlockedKernel blocked = new BlockedKernel();
    private final NaiveKernel naive = new NaiveKernel();

    // [B=2, H=3, T=77, Dk=19], [.., Dv=13]; queries × 4 so that the running maximum moves between tiles
    private final Tensor query = Tensor.randomNormal(1, 2, 3, 77, 19).times(4f);
    private final Tensor key = Tensor.randomNormal(2, 2, 3, 77, 19);
    private final Tensor value = Tensor.randomNormal(3, 2, 3, 77, 13);

    @Test
    void fusedAttentionAgreesWithComposedForEveryMaskKind() {
        for (Map.Entry<String, Mask> mask : masks().entrySet()) {
            AttentionInputs inputs = AttentionInputs.of(query, key, value).withMask(mask.getValue());
            assertAgreesWithComposed(mask.getKey(), inputs);
        }
    }

    @Test
    void fusedAttentionAgreesWithComposedForCrossAttentionAndTinySizes() {
        // Tq = 45 queries against Tk = 70 keys, padded; and a single query against 5 keys of width 1
        assertAgreesWithComposed("cross", AttentionInputs.of(Tensor.randomNormal(4, 2, 45, 24).times(3f),
                Tensor.randomNormal(5, 2, 70, 24), Tensor.randomNormal(6, 2, 70, 7)).withMask(Mask.keyPadding(70, 33)));
        assertAgreesWithComposed("tiny", AttentionInputs.of(Tensor.randomNormal(7, 1, 1),
                Tensor.randomNormal(8, 5, 1), Tensor.randomNormal(9, 5, 3)).withScale(2f));
    }

    @Test
    void rowsWithNoAllowedKeyGetTheZeroVector() {
        // batch entry 1 is an empty sequence; under the causal mask its rows attend to nothing either
        AttentionInputs inputs = AttentionInputs.of(query, key, value).withMask(Mask.causal().and(Mask.keyPadding(77, 0)));

        Tensor output = blocked.attention(inputs); // [2, 3, 77, 13]

        for (int h = 0; h < 3; h++) {
            for (int i = 0; i < 77; i++) {
                for (int d = 0; d < 13; d++) {
                    assertEquals(0f, output.get(1, h, i, d), "output[1, " + h + ", " + i + ", " + d + "]");
                }
            }
        }
        assertTrue(output.get(0, 0, 0, 0) != 0f, "the unmasked batch entry attends");
    }

    @Test
    void nanInMaskedValuesDoesNotReachTheOutput() {
        // keys 50.. of batch entry 0 and all of batch entry 1 are padding; their values become NaN
        Mask mask = Mask.causal().and(Mask.keyPadding(50, 0));
        Tensor poisoned = Tensor.generate(value.shape(), out -> {
            var v = value.values();
            for (int index = 0; index < out.size(); index++) {
                int b = index / (3 * 77 * 13);
                int j = index / 13 % 77;
                boolean padding = b == 1 || j >= 50;
                out.set(index, padding ? Float.NaN : v.get(index));
            }
        });

        Tensor clean = blocked.attention(AttentionInputs.of(query, key, value).withMask(mask));
        Tensor withNaN = blocked.attention(AttentionInputs.of(query, key, poisoned).withMask(mask));

        assertEquals(clean, withNaN, "masked values must not change a single bit of the output");
        for (float x : withNaN.toArray()) {
            assertTrue(Float.isFinite(x), "NaN leaked into the output");
        }
    }

    private void assertAgreesWithComposed(String what, AttentionInputs inputs) {
        AttentionResult composed = naive.attentionWithWeights(inputs);
        Tensor fused = blocked.attention(inputs);
        try {
            // the output is weights·V: the contract's matmul rule over the reference weights
            Agreement.assertMatmulAgrees(composed.weights(), inputs.value(), RightOperand.AS_IS, fused, composed.output());
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }

    /** One mask of each kind for [B=2, .., T=77, T=77], fully masked rows included. */
    private static Map<String, Mask> masks() {
        SplittableRandom random = new SplittableRandom(42);
        boolean[][][] pattern = new boolean[2][77][77];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 77; i++) {
                boolean rowMasked = i % 5 == 0; // every fifth query attends to nothing
                for (int j = 0; j < 77; j++) {
                    pattern[b][i][j] = !rowMasked && random.nextDouble() < 0.3;
                }
            }
        }
        Map<String, Mask> masks = new LinkedHashMap<>();
        masks.put("none", Mask.none());
        masks.put("causal", Mask.causal());
        masks.put("key padding", Mask.keyPadding(77, 31));
        masks.put("key padding with an empty sequence", Mask.keyPadding(40, 0));
        masks.put("causal and key padding", Mask.causal().and(Mask.keyPadding(70, 5)));
        masks.put("random with fully masked rows", Mask.of(pattern));
        return masks;
    }
}
