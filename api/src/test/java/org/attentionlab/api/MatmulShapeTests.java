package org.attentionlab.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shape checks and offsets of batched matrix products. */
class MatmulShapeTests {

    @Test
    void projectionSharesOneRightMatrixAcrossTheBatch() {
        // [B, T, D] · [D, N] -> [B, T, N]
        MatmulShape shape = MatmulShape.of(Tensor.zeros(2, 3, 4), Tensor.zeros(4, 5), RightOperand.AS_IS);

        assertArrayEquals(new int[] {2, 3, 5}, shape.outputShape());
        assertEquals(2, shape.batch());
        assertEquals(3, shape.m());
        assertEquals(4, shape.k());
        assertEquals(5, shape.n());
        assertTrue(shape.rightShared());
        assertEquals(RightOperand.AS_IS, shape.operand());
    }

    @Test
    void sharedRightMatrixOffsets() {
        MatmulShape shape = MatmulShape.of(Tensor.zeros(2, 3, 4), Tensor.zeros(4, 5), RightOperand.AS_IS);

        assertEquals(0, shape.leftOffset(0));
        assertEquals(12, shape.leftOffset(1));   // 3 · 4
        assertEquals(0, shape.rightOffset(1), "the one right matrix");
        assertEquals(15, shape.outputOffset(1)); // 3 · 5
    }

    @Test
    void scoresAreQueriesTimesTransposedKeysPerBatchAndHead() {
        // Q [B, H, Tq, Dk] · K [B, H, Tk, Dk]ᵀ -> [B, H, Tq, Tk]
        MatmulShape shape = MatmulShape.of(Tensor.zeros(2, 3, 4, 8), Tensor.zeros(2, 3, 6, 8), RightOperand.TRANSPOSED);

        assertArrayEquals(new int[] {2, 3, 4, 6}, shape.outputShape());
        assertEquals(6, shape.batch());
        assertEquals(4, shape.m());
        assertEquals(8, shape.k());
        assertEquals(6, shape.n());
        assertFalse(shape.rightShared());
        assertEquals(RightOperand.TRANSPOSED, shape.operand());
        assertEquals(64, shape.leftOffset(2));    // 2 · 4 · 8
        assertEquals(48, shape.rightOffset(1));   // 1 · 6 · 8
        assertEquals(120, shape.outputOffset(5)); // 5 · 4 · 6
    }

    @Test
    void batchedRightOperandAsStored() {
        MatmulShape shape = MatmulShape.of(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 4, 5), RightOperand.AS_IS);

        assertArrayEquals(new int[] {2, 3, 5}, shape.outputShape());
        assertFalse(shape.rightShared());
        assertEquals(20, shape.rightOffset(1));
    }

    @Test
    void twoMatricesAreOneProduct() {
        MatmulShape shape = MatmulShape.of(Tensor.zeros(3, 4), Tensor.zeros(4, 2), RightOperand.AS_IS);

        assertArrayEquals(new int[] {3, 2}, shape.outputShape());
        assertEquals(1, shape.batch());
        assertTrue(shape.rightShared());
    }

    @Test
    void emptyDimensionsAreAllowed() {
        assertArrayEquals(new int[] {0, 2},
                MatmulShape.of(Tensor.zeros(0, 3), Tensor.zeros(3, 2), RightOperand.AS_IS).outputShape());
        MatmulShape emptySum = MatmulShape.of(Tensor.zeros(2, 0), Tensor.zeros(0, 3), RightOperand.AS_IS);
        assertArrayEquals(new int[] {2, 3}, emptySum.outputShape());
        assertEquals(0, emptySum.k());
        assertEquals(0, MatmulShape.of(Tensor.zeros(0, 2, 3), Tensor.zeros(0, 3, 1), RightOperand.AS_IS).batch());
    }

    @Test
    void innerDimensionMismatchNamesMatmulAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatmulShape.of(Tensor.zeros(2, 3), Tensor.zeros(4, 5), RightOperand.AS_IS));

        assertTrue(e.getMessage().startsWith("matmul"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"), e.getMessage());
        assertTrue(e.getMessage().contains("3 vs 4"), e.getMessage());
    }

    @Test
    void transposedInnerDimensionIsTheLastOfTheRightOperand() {
        // [2, 3] · [3, 5]ᵀ needs the right operand's last dimension to be 3: it is 5
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatmulShape.of(Tensor.zeros(2, 3), Tensor.zeros(3, 5), RightOperand.TRANSPOSED));

        assertTrue(e.getMessage().startsWith("matmul"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 5]"), e.getMessage());
        assertTrue(e.getMessage().contains("transposed"), e.getMessage());
    }

    @Test
    void batchMismatchNamesMatmulAndBothShapes() {
        IllegalArgumentException different = assertThrows(IllegalArgumentException.class,
                () -> MatmulShape.of(Tensor.zeros(2, 3, 4), Tensor.zeros(3, 4, 5), RightOperand.AS_IS));
        IllegalArgumentException rightHasMore = assertThrows(IllegalArgumentException.class,
                () -> MatmulShape.of(Tensor.zeros(3, 4), Tensor.zeros(2, 4, 5), RightOperand.AS_IS));
        IllegalArgumentException rankDiffers = assertThrows(IllegalArgumentException.class,
                () -> MatmulShape.of(Tensor.zeros(2, 2, 3, 4), Tensor.zeros(2, 4, 5), RightOperand.AS_IS));

        for (IllegalArgumentException e : new IllegalArgumentException[] {different, rightHasMore, rankDiffers}) {
            assertTrue(e.getMessage().startsWith("matmul: batch dimensions differ"), e.getMessage());
        }
        assertTrue(different.getMessage().contains("[2, 3, 4]") && different.getMessage().contains("[3, 4, 5]"),
                different.getMessage());
        assertTrue(rightHasMore.getMessage().contains("[3, 4]") && rightHasMore.getMessage().contains("[2, 4, 5]"),
                rightHasMore.getMessage());
    }

    @Test
    void rankBelowTwoNamesMatmulAndBothShapes() {
        IllegalArgumentException left = assertThrows(IllegalArgumentException.class,
                () -> MatmulShape.of(Tensor.zeros(3), Tensor.zeros(3, 2), RightOperand.AS_IS));
        IllegalArgumentException right = assertThrows(IllegalArgumentException.class,
                () -> MatmulShape.of(Tensor.zeros(2, 3), Tensor.zeros(3), RightOperand.AS_IS));

        assertTrue(left.getMessage().startsWith("matmul") && left.getMessage().contains("rank >= 2"), left.getMessage());
        assertTrue(left.getMessage().contains("[3]") && left.getMessage().contains("[3, 2]"), left.getMessage());
        assertTrue(right.getMessage().contains("[2, 3]") && right.getMessage().contains("[3]"), right.getMessage());
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> MatmulShape.of(null, Tensor.zeros(2, 2), RightOperand.AS_IS));
        assertThrows(NullPointerException.class, () -> MatmulShape.of(Tensor.zeros(2, 2), null, RightOperand.AS_IS));
        assertThrows(NullPointerException.class, () -> MatmulShape.of(Tensor.zeros(2, 2), Tensor.zeros(2, 2), null));
    }

    @Test
    void outputShapeCannotBeChangedFromOutside() {
        int[] given = {2, 3, 5};
        MatmulShape shape = new MatmulShape(2, 3, 4, 5, true, RightOperand.AS_IS, given);

        given[0] = 9;
        shape.outputShape()[1] = 9;

        assertArrayEquals(new int[] {2, 3, 5}, shape.outputShape());
    }

    @Test
    void equalShapesAreEqualValues() {
        MatmulShape a = MatmulShape.of(Tensor.zeros(2, 3, 4), Tensor.zeros(4, 5), RightOperand.AS_IS);
        MatmulShape b = MatmulShape.of(Tensor.full(1f, 2, 3, 4), Tensor.zeros(4, 5), RightOperand.AS_IS);
        MatmulShape other = MatmulShape.of(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 4, 5), RightOperand.AS_IS);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, other);
        assertEquals("MatmulShape[batch=2, m=3, k=4, n=5, rightShared=true, operand=AS_IS, outputShape=[2, 3, 5]]",
                a.toString());
    }
}
