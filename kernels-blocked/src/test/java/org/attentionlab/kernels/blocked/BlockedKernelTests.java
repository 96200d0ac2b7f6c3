package org.attentionlab.kernels.blocked;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.MatmulCase;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.junit.jupiter.api.Test;

/**
 * What the blocked kernel promises beyond the contract: its row routine computes exactly the rows
 * it is given, and tiling changes no sum, so the result is independent of how the rows are split.
 */
class BlockedKernelTests {

    private final Kernel blocked = new BlockedKernel();

    // [M=130, K=67] · [K=67, N=129]: three row tiles, two k tiles, three column tiles, all ragged
    private final MatmulCase product = new MatmulCase(List.of(), 130, 67, 129, false, RightOperand.AS_IS, 11);

    @Test
    void multiplyRowsWritesOnlyItsRows() {
        float[] a = product.left().toArray();
        float[] b = product.right().toArray();
        float[] c = new float[130 * 129];
        Arrays.fill(c, -7f);

        BlockedMatmul.multiplyRows(a, 0, b, 0, c, 0, 60, 70, 67, 129);

        float[] whole = blocked.matmul(product.left(), product.right()).toArray();
        for (int i = 0; i < 130; i++) {
            float[] row = Arrays.copyOfRange(c, i * 129, (i + 1) * 129);
            float[] expected = i >= 60 && i < 70 ? Arrays.copyOfRange(whole, i * 129, (i + 1) * 129) : filled(129, -7f);
            assertArrayEquals(expected, row, 0f, "row " + i);
        }
    }

    @Test
    void rowsComputedInAnySplitAreBitwiseTheWholeProduct() {
        float[] a = product.left().toArray();
        float[] b = product.right().toArray();
        float[] pieces = new float[130 * 129];
        int[] cuts = {0, 1, 13, 64, 65, 100, 130}; // splits that straddle tile boundaries

        for (int p = 0; p + 1 < cuts.length; p++) {
            BlockedMatmul.multiplyRows(a, 0, b, 0, pieces, 0, cuts[p], cuts[p + 1], 67, 129);
        }

        assertEquals(blocked.matmul(product.left(), product.right()), Tensor.fromArray(pieces, 130, 129));
    }

    @Test
    void transposedRightGivesBitwiseTheSameAsTheRightAsStored() {
        // Bᵀ stored [N, K] is copied to [K, N] once, so both paths run identical sums.
        Tensor right = product.right();

        Tensor asStored = blocked.matmul(product.left(), right, RightOperand.AS_IS);
        Tensor viaTransposed = blocked.matmul(product.left(), right.transposeLastTwo(), RightOperand.TRANSPOSED);

        assertEquals(asStored, viaTransposed);
    }

    @Test
    void softmaxIsBitwiseTheNaiveSoftmax() {
        // Same passes, same double arithmetic: not merely within tolerance, identical.
        Tensor scores = Tensor.randomNormal(3, 2, 4, 33, 33).times(30f);

        assertEquals(new NaiveKernel().softmax(scores, Mask.causal()), blocked.softmax(scores, Mask.causal()));
        assertEquals(new NaiveKernel().softmax(scores), blocked.softmax(scores));
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return values;
    }
}
