package org.attentionlab.kernels.blocked;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.Agreement;
import org.attentionlab.testkit.MatmulCase;
import org.junit.jupiter.api.Test;

/**
 * What the blocked kernel promises beyond the contract: the products agree with the naive kernel
 * across every block edge, which the contract's sizes (at most 130) do not reach; a transposed
 * right operand and the softmax give exactly the bits of the other path; attention is its fused
 * row work. (The kit's row-work laws check that rows do not depend on how they are grouped and
 * that a range writes only its rows.)
 */
class BlockedKernelTests {

    private final SplittableKernel blocked = new BlockedKernel();

    // [M=131, K=300] · [K=300, N=37]: two row blocks (128), two depth blocks (256), a ragged 4×4 tile
    private final MatmulCase product = new MatmulCase(List.of(), 131, 300, 37, false, RightOperand.AS_IS, 11);

    // causal self-attention [B=2, H=3, T=77, Dk=19 / Dv=13]: ragged query blocks and key tiles
    private final AttentionInputs attention = AttentionInputs.of(Tensor.randomNormal(1, 2, 3, 77, 19),
            Tensor.randomNormal(2, 2, 3, 77, 19), Tensor.randomNormal(3, 2, 3, 77, 13))
            .withMask(Mask.causal().and(Mask.keyPadding(77, 50)));

    @Test
    void transposedRightGivesBitwiseTheSameAsTheRightAsStored() {
        // Bᵀ stored [N, K] is packed into the same panels as B stored [K, N]: identical sums.
        Tensor right = product.right();

        Tensor asStored = blocked.matmul(product.left(), right, RightOperand.AS_IS);
        Tensor viaTransposed = blocked.matmul(product.left(), right.transposeLastTwo(), RightOperand.TRANSPOSED);

        assertEquals(asStored, viaTransposed);
    }

    @Test
    void matmulAgreesWithNaiveAcrossBlockEdges() {
        NaiveKernel naive = new NaiveKernel();
        List<MatmulCase> cases = List.of(product,
                new MatmulCase(List.of(2), 129, 257, 66, true, RightOperand.AS_IS, 12),
                new MatmulCase(List.of(3), 130, 513, 5, false, RightOperand.TRANSPOSED, 13));
        for (MatmulCase c : cases) {
            Tensor left = c.left();
            Tensor right = c.right();
            Agreement.assertMatmulAgrees(left, right, c.operand(), blocked.matmul(left, right, c.operand()),
                    naive.matmul(left, right, c.operand()));
        }
    }

    @Test
    void softmaxIsBitwiseTheNaiveSoftmax() {
        // Same passes, same double arithmetic: not merely within tolerance, identical.
        Tensor scores = Tensor.randomNormal(3, 2, 4, 33, 33).times(30f);

        assertEquals(new NaiveKernel().softmax(scores, 0.25f, Mask.causal()), blocked.softmax(scores, 0.25f, Mask.causal()));
        assertEquals(new NaiveKernel().softmax(scores), blocked.softmax(scores));
    }

    @Test
    void attentionIsTheFusedRowWork() {
        assertEquals(blocked.attentionRows(attention).computeAll(), blocked.attention(attention));
    }
}
