package org.attentionlab.attention;

import static org.attentionlab.attention.ScaledDotProductAttentionTests.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.junit.jupiter.api.Test;

class MultiHeadAttentionTests {

    private final Kernel naive = new NaiveKernel();

    @Test
    void modelWidthMustBeDivisibleByHeads() {
        assertMessage(() -> MultiHeadAttention.initialized(naive, 10, 3, Bias.NONE, 1), "D=10", "H=3");
        assertMessage(() -> MultiHeadAttention.initialized(naive, 8, 0, Bias.NONE, 1), "H=0");
        assertMessage(() -> MultiHeadAttention.initialized(naive, 0, 1, Bias.NONE, 1), "D=0");
    }

    @Test
    void givenWeightsMustAllBeSquareOfTheModelWidth() {
        Linear square = Linear.of(Tensor.zeros(4, 4));
        assertMessage(() -> new MultiHeadAttention(naive, 2, square, square, Linear.of(Tensor.zeros(4, 2)), square),
                "[4, 4]", "[4, 2]");
    }

    @Test
    void inputsOfTheWrongShapeAreRejectedWithBothShapes() {
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 2, Bias.NONE, 1);
        assertMessage(() -> mha.forward(Tensor.zeros(1, 3, 6), Tensor.zeros(1, 3, 8), Tensor.zeros(1, 3, 8)),
                "[1, 3, 6]", "[1, 3, 8]", "[B, T, 8]");
        assertMessage(() -> mha.forward(Tensor.zeros(3, 8), Tensor.zeros(1, 3, 8), Tensor.zeros(1, 3, 8)),
                "[3, 8]", "all unbatched");
        assertMessage(() -> mha.forward(Tensor.zeros(1, 3, 8), Tensor.zeros(2, 3, 8), Tensor.zeros(2, 3, 8)), "batch");
        assertMessage(() -> mha.forward(Tensor.zeros(1, 3, 8), Tensor.zeros(1, 4, 8), Tensor.zeros(1, 5, 8)), "length Tk");
        assertMessage(() -> mha.forward(Tensor.zeros(1, 0, 8), Tensor.zeros(1, 0, 8), Tensor.zeros(1, 0, 8)), "empty");
        assertMessage(() -> mha.selfAttention(Tensor.zeros(2, 3, 8), Mask.keyPadding(3)), "mask", "batch");
    }

    @Test
    void xavierInitialisationIsSeededAndBounded() {
        MultiHeadAttention a = MultiHeadAttention.initialized(naive, 16, 4, Bias.ZEROS, 42);
        MultiHeadAttention b = MultiHeadAttention.initialized(naive, 16, 4, Bias.ZEROS, 42);
        MultiHeadAttention c = MultiHeadAttention.initialized(naive, 16, 4, Bias.ZEROS, 43);
        assertEquals(a.queryProjection(), b.queryProjection());
        assertNotEquals(a.queryProjection().weight(), c.queryProjection().weight());
        assertNotEquals(a.queryProjection().weight(), a.keyProjection().weight(), "each matrix has its own draw");
        double limit = Math.sqrt(6.0 / (16 + 16));
        for (Linear projection : new Linear[] {a.queryProjection(), a.keyProjection(), a.valueProjection(), a.outputProjection()}) {
            for (float w : projection.weight().toArray()) {
                assertTrue(Math.abs(w) <= limit, w + " outside ±" + limit);
            }
            assertEquals(Tensor.zeros(16), projection.bias().orElseThrow());
        }
        assertTrue(MultiHeadAttention.initialized(naive, 16, 4, Bias.NONE, 42).queryProjection().bias().isEmpty());
    }

    /**
     * Given weights reproduce a result computed by hand: D = 2, H = 1, W_Q = W_K = W_V = W_O = I,
     * so the layer is plain attention of x on itself with scale 1/√2.
     */
    @Test
    void givenIdentityWeightsReproduceHandComputedAttention() {
        Linear identity = Linear.of(Tensor.of(new float[][] {{1, 0}, {0, 1}}));
        MultiHeadAttention mha = new MultiHeadAttention(naive, 1, identity, identity, identity, identity);
        Tensor x = Tensor.of(new float[][][] {{{1, 0}, {0, 2}}}); // [1, 2, 2]

        AttentionResult result = mha.selfAttention(x, Mask.none());

        // scores row 0: [x0·x0, x0·x1]/√2 = [1, 0]/√2; row 1: [0, 4]/√2
        double s = Math.sqrt(2);
        double w00 = Math.exp(1 / s) / (Math.exp(1 / s) + 1);
        double w11 = Math.exp(4 / s) / (1 + Math.exp(4 / s));
        assertEquals(w00, result.weights().get(0, 0, 0, 0), 1e-6);
        assertEquals(w11, result.weights().get(0, 0, 1, 1), 1e-6);
        assertEquals(w00 * 1, result.output().get(0, 0, 0), 1e-5);
        assertEquals((1 - w00) * 2, result.output().get(0, 0, 1), 1e-5);
        assertEquals((1 - w11) * 1, result.output().get(0, 1, 0), 1e-5);
        assertEquals(w11 * 2, result.output().get(0, 1, 1), 1e-5);
    }

    @Test
    void biasIsAddedToEveryProjection() {
        Linear zeroWithBias = Linear.of(Tensor.zeros(2, 2), Tensor.of(3, -1));
        Linear identity = Linear.of(Tensor.of(new float[][] {{1, 0}, {0, 1}}));
        // Q = K = 0 + b: uniform weights; V = b: output = b, then W_O = I
        MultiHeadAttention mha = new MultiHeadAttention(naive, 2, zeroWithBias, zeroWithBias, zeroWithBias, identity);
        Tensor out = mha.selfAttention(Tensor.randomNormal(1, 1, 3, 2), Mask.none()).output();
        for (int t = 0; t < 3; t++) {
            assertEquals(3f, out.get(0, t, 0), 1e-6);
            assertEquals(-1f, out.get(0, t, 1), 1e-6);
        }
    }

    @Test
    void crossAttentionHasTheQueryLengthAndPerHeadWeights() {
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 12, 3, Bias.ZEROS, 5);
        AttentionResult result = mha.forward(Tensor.randomNormal(1, 2, 4, 12), Tensor.randomNormal(2, 2, 7, 12),
                Tensor.randomNormal(3, 2, 7, 12));
        assertArrayEquals(new int[] {2, 4, 12}, result.output().shape());
        assertArrayEquals(new int[] {2, 3, 4, 7}, result.weights().shape());
    }

    @Test
    void perHeadWeightsAreTheHeadsColumns() {
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 6, 3, Bias.ZEROS, 9);
        Linear head1 = mha.headQueryProjection(1);
        assertArrayEquals(new int[] {6, 2}, head1.weight().shape());
        for (int row = 0; row < 6; row++) {
            assertEquals(mha.queryProjection().weight().get(row, 2), head1.weight().get(row, 0));
            assertEquals(mha.queryProjection().weight().get(row, 3), head1.weight().get(row, 1));
        }
        assertMessage(() -> mha.headKeyProjection(3), "head 3");
    }

    /** Error messages are built only when there is an error: a successful call never asks a mask to describe itself. */
    @Test
    void aSuccessfulForwardBuildsNoErrorMessage() {
        int[] described = {0};
        Mask counting = new Mask() {
            @Override
            public boolean allows(int batch, int query, int key) {
                return key <= query;
            }

            @Override
            public void requireFits(int batches, int queries, int keys) {
            }

            @Override
            public String toString() {
                described[0]++;
                return "counting mask";
            }
        };
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 2, Bias.ZEROS, 1);
        Tensor x = Tensor.randomNormal(3, 2, 4, 8);

        mha.selfAttention(x, counting);
        mha.output(x, x, x, counting);
        mha.trace(x, x, x, counting);

        assertEquals(0, described[0], "a message was built on the success path");
    }
}
