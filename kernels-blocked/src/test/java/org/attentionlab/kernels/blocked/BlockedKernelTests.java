package org.attentionlab.kernels.blocked;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.Agreement;
import org.attentionlab.testkit.MatmulCase;
import org.junit.jupiter.api.Test;

/**
 * What the blocked kernel promises beyond the contract: each piece of row work writes exactly its
 * rows, and tiling changes no sum, so the result is independent of how the rows are split; the
 * products agree with the naive kernel across every block edge, which the contract's sizes
 * (at most 130) do not reach.
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
    void rowWorkWritesOnlyItsRows() {
        RowWork work = blocked.matmulRows(product.left(), product.right(), RightOperand.AS_IS);
        Tensor whole = work.computeAll();

        Tensor part = Tensor.generate(work.outputShape(), out -> {
            for (int i = 0; i < out.size(); i++) {
                out.set(i, -7f);
            }
            work.compute(60, 130, out); // straddles the row block edge at 128
        });

        for (int i = 0; i < 131; i++) {
            for (int j = 0; j < 37; j++) {
                float expected = i >= 60 && i < 130 ? whole.get(i, j) : -7f;
                assertEquals(expected, part.get(i, j), "element [" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void rowsComputedInAnySplitAreBitwiseTheWhole() {
        RowWork matmul = blocked.matmulRows(product.left(), product.right(), RightOperand.AS_IS);
        RowWork softmax = blocked.softmaxRows(Tensor.randomNormal(4, 2, 3, 77, 77), 0.3f, attention.mask());
        RowWork fused = blocked.attentionRows(attention);

        // cuts that straddle 4-row tiles, 32-row query blocks, 128-row A blocks and batch entries
        assertEquals(matmul.computeAll(), inPieces(matmul, 0, 1, 13, 64, 127, 128, 129, 131));
        assertEquals(softmax.computeAll(), inPieces(softmax, 0, 5, 77, 100, 300, 462));
        assertEquals(fused.computeAll(), inPieces(fused, 0, 1, 3, 33, 76, 77, 78, 200, 231, 400, 462));
    }

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

    /** The work computed piece by piece, {@code cuts[p]..cuts[p+1]}, into one tensor. */
    static Tensor inPieces(RowWork work, int... cuts) {
        assertEquals(work.rows(), cuts[cuts.length - 1], "the cuts must cover every row");
        return Tensor.generate(work.outputShape(), out -> {
            for (int p = 0; p + 1 < cuts.length; p++) {
                work.compute(cuts[p], cuts[p + 1], out);
            }
        });
    }
}
