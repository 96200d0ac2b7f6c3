package org.attentionlab.kernels.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * What the simd kernel promises beyond the kit's row-work laws, on sizes those laws (at most 130)
 * do not reach: matmul rows are bit for bit the same however they are grouped across k slices, and
 * so are attention rows where a grouping lets the fused attention skip a whole masked tile that
 * another grouping must look into; a transposed right operand gives the bits of the stored one;
 * rows asked for before the packing is done are refused.
 */
class SimdKernelTests {

    private final SimdKernel simd = new SimdKernel();

    /** Pieces that straddle register tiles (6), query blocks (48), k slices and batch entries. */
    private static final int[] CUTS = {1, 5, 13, 48, 49, 100, 131, 200, 263};

    /** The rows computed piece by piece at {@link #CUTS} (those below {@code rows}), into one tensor. */
    private static Tensor inPieces(RowWork work) {
        return Tensor.generate(work.outputShape(), out -> {
            int from = 0;
            for (int cut : CUTS) {
                if (cut < work.rows()) {
                    work.compute(from, cut, out);
                    from = cut;
                }
            }
            work.compute(from, work.rows(), out);
        });
    }

    @Test
    void matmulRowsAreBitwiseTheSameInAnySplit() {
        // [2, 130, 300]·[2, 300, 37]: k slices of 256 (128 with AVX-512), ragged everywhere
        Tensor left = Tensor.randomNormal(1, 2, 130, 300);
        Tensor right = Tensor.randomNormal(2, 2, 300, 37);

        RowWork work = simd.matmulRows(left, right, RightOperand.AS_IS);

        assertEquals(work.computeAll(), inPieces(work));
    }

    @Test
    void transposedRightGivesBitwiseTheSameAsTheRightAsStored() {
        // Bᵀ is packed into the same panels as B, so both run identical sums
        Tensor left = Tensor.randomNormal(1, 70, 33);
        Tensor right = Tensor.randomNormal(2, 33, 45);

        assertEquals(simd.matmul(left, right), simd.matmul(left, right.transposeLastTwo(), RightOperand.TRANSPOSED));
    }


    @Test
    void attentionRowsAreBitwiseTheSameInAnySplit() {
        // [B=2, H=2, T=131, Dk=17]: the causal mask lets some groupings skip tiles that others compute
        AttentionInputs in = AttentionInputs.of(Tensor.randomNormal(1, 2, 2, 131, 17), Tensor.randomNormal(2, 2, 2, 131, 17),
                Tensor.randomNormal(3, 2, 2, 131, 23)).withMask(Mask.causal().and(Mask.keyPadding(131, 90)));

        RowWork work = simd.attentionRows(in);

        assertEquals(work.computeAll(), inPieces(work));
        assertEquals(work.computeAll(), simd.attention(in));
    }


    @Test
    void rowsBeforeThePackingIsDoneAreRefused() {
        // [4, 64, 64]·[4, 64, 100]: B packs in 4 pieces, one per matrix
        RowWork matmul = simd.matmulRows(Tensor.randomNormal(1, 4, 64, 64), Tensor.randomNormal(2, 4, 64, 100),
                RightOperand.AS_IS);
        AttentionInputs in = AttentionInputs.of(Tensor.randomNormal(1, 3, 20, 8), Tensor.randomNormal(2, 3, 20, 8),
                Tensor.randomNormal(3, 3, 20, 8));
        RowWork attention = simd.attentionRows(in);
        for (RowWork work : List.of(matmul, attention)) {
            assertTrue(work.preparationPieces() > 1, "packing in pieces");
            for (int piece = 0; piece < work.preparationPieces() - 1; piece++) {
                work.prepare(piece);
            }
            IllegalStateException notYet = assertThrows(IllegalStateException.class,
                    () -> Tensor.generate(work.outputShape(), out -> work.compute(0, 1, out)));
            assertTrue(notYet.getMessage().contains("1 of " + work.preparationPieces()), notYet.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> work.prepare(work.preparationPieces()));
        }
    }
}
