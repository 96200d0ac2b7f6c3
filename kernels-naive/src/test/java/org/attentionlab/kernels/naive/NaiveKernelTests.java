package org.attentionlab.kernels.naive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Checks the oracle itself on cases small enough to work out by hand. Every other kernel is
 * tested against {@link NaiveKernel} (through the test kit), so these answers come from
 * pencil and paper or from {@link Math#exp} in the test, never from the kernel. The kit's laws
 * that are not comparisons with the oracle (rows sum to 1, masked weights are 0, ...) run on it
 * too, in the test kit's own {@code NaiveKernelContractTests}.
 */
class NaiveKernelTests {

    private static final float EXACT = 0f;
    private static final float CLOSE = 1e-6f;

    private final Kernel naive = new NaiveKernel();

    // A [M=2, K=3] and B [K=3, N=2]; small integers, so every product and sum is exact in float.
    private static final float[][] A = {{1, 2, 3}, {4, 5, 6}};
    private static final float[][] B = {{7, 8}, {9, 10}, {11, 12}};

    // C = A·B worked by hand:
    //   c00 = 1·7 + 2·9  + 3·11 = 7 + 18 + 33 = 58     c01 = 1·8 + 2·10 + 3·12 = 8 + 20 + 36 = 64
    //   c10 = 4·7 + 5·9  + 6·11 = 28 + 45 + 66 = 139   c11 = 4·8 + 5·10 + 6·12 = 32 + 50 + 72 = 154
    private static final float[][] A_TIMES_B = {{58, 64}, {139, 154}};

    @Test
    void matmulOfTwoByThreeAndThreeByTwoIsWorkedByHand() {
        Tensor c = naive.matmul(Tensor.of(A), Tensor.of(B));

        assertArrayEquals(new int[] {2, 2}, c.shape());
        assertMatrixEquals(A_TIMES_B, c, EXACT);
    }

    @Test
    void transposedRightOperandGivesTheSameProduct() {
        // Bᵀ stored as [N=2, K=3]: row j of Bᵀ is column j of B.
        float[][] bTransposed = {{7, 9, 11}, {8, 10, 12}};

        Tensor c = naive.matmul(Tensor.of(A), Tensor.of(bTransposed), RightOperand.TRANSPOSED);

        assertArrayEquals(new int[] {2, 2}, c.shape());
        assertMatrixEquals(A_TIMES_B, c, EXACT);
    }

    @Test
    void batchedLeftWithSharedRankTwoRightMultipliesEveryBatchEntryBySameMatrix() {
        // left [batch=2, M=2, K=3]: entry 0 is A, entry 1 picks rows of B (a selection matrix).
        float[][][] left = {A, {{1, 0, 0}, {0, 0, 1}}};

        Tensor c = naive.matmul(Tensor.of(left), Tensor.of(B)); // B [K=3, N=2] is shared

        assertArrayEquals(new int[] {2, 2, 2}, c.shape());
        float[] expected = {
            58, 64, 139, 154, // entry 0: A·B, as above
            7, 8, 11, 12      // entry 1: rows 0 and 2 of B
        };
        assertArrayEquals(expected, c.toArray(), EXACT);
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        // K = 0: every C[i, j] is an empty sum, which is 0.
        Tensor c = naive.matmul(Tensor.zeros(2, 0), Tensor.zeros(0, 3));

        assertArrayEquals(new int[] {2, 3}, c.shape());
        assertArrayEquals(new float[6], c.toArray(), EXACT);
    }

    @Test
    void softmaxOfOneTwoThreeMatchesExpDividedBySum() {
        double e1 = Math.exp(1);
        double e2 = Math.exp(2);
        double e3 = Math.exp(3);
        double sum = e1 + e2 + e3;

        Tensor y = naive.softmax(Tensor.of(1f, 2f, 3f));

        // ≈ [0.0900, 0.2447, 0.6652]
        assertArrayEquals(new float[] {(float) (e1 / sum), (float) (e2 / sum), (float) (e3 / sum)},
                y.toArray(), CLOSE);
    }

    @Test
    void causalMaskLetsQueryISeeKeysZeroToIOnly() {
        Tensor scores = Tensor.of(new float[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}});

        float[][] y = naive.softmax(scores, Mask.causal()).toMatrix();

        double e1 = Math.exp(1);
        double e2 = Math.exp(2);
        double e3 = Math.exp(3);
        // query 0 sees key 0 only; query 1 keys 0..1; query 2 all three
        assertArrayEquals(new float[] {1, 0, 0}, y[0], CLOSE);
        assertArrayEquals(new float[] {(float) (e1 / (e1 + e2)), (float) (e2 / (e1 + e2)), 0}, y[1], CLOSE);
        assertArrayEquals(new float[] {(float) (e1 / (e1 + e2 + e3)), (float) (e2 / (e1 + e2 + e3)),
            (float) (e3 / (e1 + e2 + e3))}, y[2], CLOSE);
        // the future is exactly 0, not merely small
        assertEquals(0f, y[0][1], EXACT);
        assertEquals(0f, y[0][2], EXACT);
        assertEquals(0f, y[1][2], EXACT);
    }

    @Test
    void fullyMaskedRowIsAllZerosAndOtherRowsAreUntouched() {
        Tensor scores = Tensor.of(new float[][] {{0, 0}, {5, -5}});
        Mask secondRowMasked = Mask.of(new boolean[][] {{true, true}, {false, false}});

        float[][] y = naive.softmax(scores, secondRowMasked).toMatrix();

        assertArrayEquals(new float[] {0.5f, 0.5f}, y[0], CLOSE);
        assertArrayEquals(new float[] {0f, 0f}, y[1], EXACT);
    }

    @Test
    void hugeMagnitudesGiveNoNaN() {
        // exp(1e4) overflows a double; subtracting the row maximum first keeps every exp <= 1.
        Tensor y = naive.softmax(Tensor.of(new float[][] {{1e4f, -1e4f, 0f}, {1e4f, 1e4f, -1e4f}}));

        for (float v : y.toArray()) {
            assertFalse(Float.isNaN(v) || Float.isInfinite(v), "non-finite weight " + v + " in " + y);
        }
        float[][] rows = y.toMatrix();
        assertArrayEquals(new float[] {1f, 0f, 0f}, rows[0], CLOSE);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, rows[1], CLOSE);
    }

    @Test
    void minusInfinityScoresGetWeightZero() {
        float inf = Float.NEGATIVE_INFINITY;
        Tensor scores = Tensor.of(new float[][] {{0, inf, 0}, {inf, inf, inf}});

        float[][] y = naive.softmax(scores).toMatrix();

        assertArrayEquals(new float[] {0.5f, 0f, 0.5f}, y[0], CLOSE);
        assertEquals(0f, y[0][1], EXACT);
        // a row of only −∞ has nothing to attend to: all zeros, not 0/0 = NaN
        assertArrayEquals(new float[] {0f, 0f, 0f}, y[1], EXACT);
    }

    private static void assertMatrixEquals(float[][] expected, Tensor actual, float delta) {
        float[][] rows = actual.toMatrix();
        assertEquals(expected.length, rows.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], rows[i], delta, "row " + i);
        }
    }
}
