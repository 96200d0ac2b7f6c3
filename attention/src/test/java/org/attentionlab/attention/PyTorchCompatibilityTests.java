package org.attentionlab.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.junit.jupiter.api.Test;

/** The traps met when reproducing PyTorch's nn.MultiheadAttention, each with its way out. */
class PyTorchCompatibilityTests {

    private final NaiveKernel naive = new NaiveKernel();

    @Test
    void fromPyTorchSplitsThePackedInputProjectionAndTransposesEveryWeight() {
        int d = 4;
        Tensor inProjWeight = Tensor.randomNormal(1, 3 * d, d);  // [3D, D]: W_Q, W_K, W_V as [out, in]
        Tensor inProjBias = Tensor.randomNormal(2, 3 * d);       // [3D]
        Tensor outWeight = Tensor.randomNormal(3, d, d);         // [out, in]
        Tensor outBias = Tensor.randomNormal(4, d);

        MultiHeadAttention mha = MultiHeadAttention.fromPyTorch(naive, 2, inProjWeight, inProjBias, outWeight, outBias);

        // W_K = rows D..2D-1 of in_proj_weight, transposed to [in, out]
        assertEquals(inProjWeight.get(d + 1, 3), mha.keyProjection().weight().get(3, 1));
        assertEquals(inProjWeight.get(2 * d + 2, 0), mha.valueProjection().weight().get(0, 2));
        assertEquals(inProjBias.get(d + 2), mha.keyProjection().bias().orElseThrow().get(2));
        assertEquals(outWeight.get(0, 3), mha.outputProjection().weight().get(3, 0));
        // and it computes y = x·Wᵀ + b as PyTorch's Linear does
        Tensor x = Tensor.randomNormal(5, 1, 3, d);
        Tensor q = mha.queryProjection().apply(naive, x);
        double expected = inProjBias.get(1);
        for (int i = 0; i < d; i++) {
            expected += (double) x.get(0, 2, i) * inProjWeight.get(1, i);
        }
        assertEquals(expected, q.get(0, 2, 1), 1e-5);
    }

    @Test
    void fromPyTorchRejectsTensorsOfTheWrongShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiHeadAttention.fromPyTorch(naive, 2, Tensor.zeros(4, 4), Tensor.zeros(4, 4)));
        assertTrue(e.getMessage().contains("in_proj_weight [3D, D]") && e.getMessage().contains("[4, 4]"), e.getMessage());
    }

    @Test
    void unbatchedInputGivesUnbatchedOutputLikeTheBatchOfOne() {
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 2, Bias.ZEROS, 3);
        Tensor x = Tensor.randomNormal(6, 5, 8);                 // [T, D]

        AttentionResult unbatched = mha.selfAttention(x, Mask.causal());
        AttentionResult batched = mha.selfAttention(x.reshape(1, 5, 8), Mask.causal());

        assertArrayEquals(new int[] {5, 8}, unbatched.output().shape());
        assertArrayEquals(new int[] {2, 5, 5}, unbatched.weights().shape());
        assertEquals(batched.output().reshape(5, 8), unbatched.output());
        assertEquals(mha.output(x, x, x, Mask.causal()), unbatched.output());
    }

    @Test
    void pyTorchMasksMeanTheOppositeAndFromPyTorchInvertsThem() {
        boolean[][] torchCausal = {{false, true}, {false, false}};  // True = may NOT attend
        Mask mask = Mask.fromPyTorch(torchCausal);

        assertTrue(mask.allows(0, 0, 0));
        assertFalse(mask.allows(0, 0, 1));
        assertTrue(mask.allows(0, 1, 1));
    }
}
