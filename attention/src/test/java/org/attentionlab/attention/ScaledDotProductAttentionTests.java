package org.attentionlab.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.Agreement;
import org.junit.jupiter.api.Test;

/**
 * What this layer promises beyond the kit's {@code ScaledDotProductAttentionContract} (run by
 * {@link ScaledDotProductAttentionContractTests}: the formula, the course's worked example, masks,
 * fully masked queries, ill-fitting masks): numbers worked by hand, custom scales, heads computed
 * independently, messages that name this layer, masked NaN on every kernel, and weights too large
 * for the heap refused before they are allocated.
 */
class ScaledDotProductAttentionTests {

    private final ScaledDotProductAttention attention = new ScaledDotProductAttention(new NaiveKernel());

    @Test
    void handComputedTwoByTwo() {
        // q = k = identity rows, d_k = 2: scores = I / √2, each row softmax([1/√2, 0])
        Tensor q = Tensor.of(new float[][] {{1, 0}, {0, 1}});
        Tensor v = Tensor.of(new float[][] {{10, 0}, {0, 10}});
        AttentionResult result = attention.forward(q, q, v);

        Tensor scores = attention.scores(q, q);
        assertEquals(1 / Math.sqrt(2), scores.get(0, 0), 1e-6, "q0·k0 / √2");
        assertEquals(0f, scores.get(0, 1), "q0·k1 / √2");

        double big = Math.exp(1 / Math.sqrt(2));
        double p = big / (big + 1); // weight on the matching key
        assertEquals(p, result.weights().get(0, 0), 1e-6);
        assertEquals(1 - p, result.weights().get(0, 1), 1e-6);
        assertEquals(10 * p, result.output().get(0, 0), 1e-5);
        assertEquals(10 * (1 - p), result.output().get(1, 0), 1e-5);
    }

    @Test
    void customScaleReplacesOneOverSquareRootOfDk() {
        Tensor q = Tensor.randomNormal(1, 1, 4, 16);
        Tensor k = Tensor.randomNormal(2, 1, 5, 16);
        Tensor v = Tensor.randomNormal(3, 1, 5, 3);
        ScaledDotProductAttention defaultScale = new ScaledDotProductAttention(new NaiveKernel());
        ScaledDotProductAttention explicitQuarter = ScaledDotProductAttention.withScale(new NaiveKernel(), 0.25f);
        assertEquals(0.25f, defaultScale.scaleFor(16));
        assertTrue(defaultScale.forward(q, k, v).output().allClose(explicitQuarter.forward(q, k, v).output(), 0, 0));

        ScaledDotProductAttention unscaled = ScaledDotProductAttention.withScale(new NaiveKernel(), 1f);
        // the same as scaling the query by hand
        Agreement.assertAgreesUpToRounding("unscaled attention", unscaled.forward(q, k, v).output(),
                defaultScale.forward(q.times(4), k, v).output());
    }

    @Test
    void customScaleMustBePositiveAndFinite() {
        for (float bad : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ScaledDotProductAttention.withScale(new NaiveKernel(), bad));
            assertTrue(e.getMessage().contains("scale"), e.getMessage());
        }
    }

    @Test
    void batchedHeadsAreIndependent() {
        Tensor q = Tensor.randomNormal(1, 2, 3, 4, 8); // [B, H, Tq, Dk]
        Tensor k = Tensor.randomNormal(2, 2, 3, 6, 8); // [B, H, Tk, Dk]
        Tensor v = Tensor.randomNormal(3, 2, 3, 6, 5); // [B, H, Tk, Dv]
        AttentionResult all = attention.forward(q, k, v);
        assertArrayEquals(new int[] {2, 3, 4, 5}, all.output().shape());
        assertArrayEquals(new int[] {2, 3, 4, 6}, all.weights().shape());

        // head (b=1, h=2) alone gives the same numbers
        AttentionResult one = attention.forward(block(q, 1, 2), block(k, 1, 2), block(v, 1, 2));
        assertTrue(block(all.output(), 1, 2).allClose(one.output(), 0, 0));
    }

    /** The [T, D] matrix of batch b, head h of a [B, H, T, D] tensor. */
    private static Tensor block(Tensor x, int b, int h) {
        int t = x.dim(2);
        int d = x.dim(3);
        int start = ((b * x.dim(1)) + h) * t * d;
        return x.reshape(-1).sliceLast(start, start + t * d).reshape(t, d);
    }

    @Test
    void shapeMismatchesNameTheLayerAndTheShapes() {
        Tensor q = Tensor.zeros(1, 3, 4);
        assertMessage(() -> attention.forward(q, Tensor.zeros(1, 3, 5), Tensor.zeros(1, 3, 2)), "[1, 3, 4]", "[1, 3, 5]", "width");
        assertMessage(() -> attention.forward(q, Tensor.zeros(1, 3, 4), Tensor.zeros(1, 2, 2)), "[1, 3, 4]", "[1, 2, 2]", "length Tk");
        assertMessage(() -> attention.forward(q, Tensor.zeros(2, 3, 4), Tensor.zeros(2, 3, 2)), "[1, 3, 4]", "[2, 3, 4]", "leading");
        assertMessage(() -> attention.forward(Tensor.zeros(4), Tensor.zeros(4), Tensor.zeros(4)), "[4]", "rank");
        assertMessage(() -> attention.forward(Tensor.zeros(1, 0, 4), Tensor.zeros(1, 3, 4), Tensor.zeros(1, 3, 2)), "[1, 0, 4]", "empty");
        assertMessage(() -> attention.forward(q, Tensor.zeros(1, 0, 4), Tensor.zeros(1, 0, 2)), "[1, 0, 4]", "empty");
    }

    @Test
    void scoresCheckTheirInputsAsForwardDoesAndNameTheLayer() {
        assertMessage(() -> attention.scores(Tensor.zeros(1, 3, 0), Tensor.zeros(1, 3, 0)),
                "ScaledDotProductAttention", "Dk >= 1", "[1, 3, 0]");
        assertMessage(() -> attention.scores(Tensor.zeros(1, 3, 4), Tensor.zeros(1, 3, 5)),
                "ScaledDotProductAttention", "width", "[1, 3, 5]");
        assertMessage(() -> attention.scores(Tensor.zeros(1, 0, 4), Tensor.zeros(1, 3, 4)),
                "ScaledDotProductAttention", "empty");
    }

    @Test
    void aNaNOrInfinityInAMaskedValueNeverReachesTheOutput() {
        Tensor q = Tensor.randomNormal(1, 2, 3, 4);           // [B=2, Tq=3, Dk=4]
        Tensor k = Tensor.randomNormal(2, 2, 4, 4);           // [B, Tk=4, Dk]
        float[] v = Tensor.randomNormal(3, 2, 4, 2).toArray(); // [B, Tk, Dv=2]
        float[] poisoned = v.clone();
        poisoned[(0 * 4 + 3) * 2] = Float.NaN;                 // batch 0, key 3 (padding: length 3)
        poisoned[(1 * 4 + 1) * 2 + 1] = Float.POSITIVE_INFINITY; // batch 1, key 1 (padding: length 1)
        Mask padding = Mask.keyPadding(3, 1);

        for (Kernel kernel : Kernels.discover().all()) {
            var layer = new ScaledDotProductAttention(kernel);
            Tensor clean = layer.forward(q, k, Tensor.fromArray(v, 2, 4, 2), padding).output();
            Tensor dirty = layer.forward(q, k, Tensor.fromArray(poisoned, 2, 4, 2), padding).output();
            Tensor dirtyFused = layer.output(q, k, Tensor.fromArray(poisoned, 2, 4, 2), padding);
            // masked values must not reach the output, through forward or output alone
            Agreement.assertAgreesUpToRounding(kernel.id() + ": output with NaN and ∞ behind the mask", dirty, clean);
            Agreement.assertAgreesUpToRounding(kernel.id() + ": output alone with NaN and ∞ behind the mask", dirtyFused, clean);
        }
        // an allowed NaN does reach its query's output
        float[] allowedNaN = v.clone();
        allowedNaN[0] = Float.NaN;                              // batch 0, key 0
        Tensor out = attention.forward(q, k, Tensor.fromArray(allowedNaN, 2, 4, 2), padding).output();
        assertTrue(Float.isNaN(out.get(0, 0, 0)));
        assertTrue(Float.isFinite(out.get(1, 0, 0)), "batch 1 never sees batch 0's values");
    }

    @Test
    void weightsTooLargeForTheHeapAreRefusedBeforeAllocatingWithTheBytesTheyNeed() {
        // [B=1, H=8, T=32768, Dk=1]: the inputs are 1 MiB, but the scores and weights are 32 GiB each.
        Tensor x = Tensor.zeros(1, 8, 32768, 1);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> attention.forward(x, x, x, Mask.none()));

        assertTrue(e.getMessage().contains("64.0 GiB (68719476736 bytes)"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx") && e.getMessage().contains("output"), e.getMessage());
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing from: " + e.getMessage());
        }
    }
}
