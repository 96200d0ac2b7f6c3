package org.attentionlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rows of a softmax over the last dimension, and which (batch, query) each row is for a mask. */
class SoftmaxShapeTests {

    @Test
    void vectorIsOneRowOfOneQuery() {
        SoftmaxShape shape = SoftmaxShape.of(Tensor.zeros(5), Mask.none());

        assertEquals(new SoftmaxShape(1, 5, 1, 1), shape);
        assertEquals(0, shape.batchOf(0));
        assertEquals(0, shape.queryOf(0));
    }

    @Test
    void matrixRowsAreQueriesOfBatchZero() {
        // [Tq, Tk]
        SoftmaxShape shape = SoftmaxShape.of(Tensor.zeros(3, 4), Mask.none());

        assertEquals(new SoftmaxShape(3, 4, 3, 1), shape);
        for (int row = 0; row < 3; row++) {
            assertEquals(0, shape.batchOf(row));
            assertEquals(row, shape.queryOf(row));
        }
    }

    @Test
    void rankThreeRowsAreBatchThenQuery() {
        // [B, Tq, Tk]
        SoftmaxShape shape = SoftmaxShape.of(Tensor.zeros(2, 3, 4), Mask.none());

        assertEquals(new SoftmaxShape(6, 4, 3, 2), shape);
        int[][] expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}}; // {batch, query} per row
        for (int row = 0; row < expected.length; row++) {
            assertEquals(expected[row][0], shape.batchOf(row), "batch of row " + row);
            assertEquals(expected[row][1], shape.queryOf(row), "query of row " + row);
        }
    }

    @Test
    void rankFourRowsAreBatchHeadQueryWithTheHeadInvisibleToMasks() {
        // [B, H, Tq, Tk] = [2, 3, 4, 5]
        SoftmaxShape shape = SoftmaxShape.of(Tensor.zeros(2, 3, 4, 5), Mask.none());

        assertEquals(new SoftmaxShape(24, 5, 4, 2), shape);
        assertEquals(1, shape.batchOf(13)); // b = 1, h = 0, q = 1
        assertEquals(1, shape.queryOf(13));
        assertEquals(0, shape.batchOf(11)); // b = 0, h = 2, q = 3
        assertEquals(3, shape.queryOf(11));
        for (int b = 0; b < 2; b++) {
            for (int h = 0; h < 3; h++) {
                for (int q = 0; q < 4; q++) {
                    int row = (b * 3 + h) * 4 + q;
                    assertEquals(b, shape.batchOf(row), "batch of row " + row);
                    assertEquals(q, shape.queryOf(row), "query of row " + row);
                }
            }
        }
    }

    @Test
    void masksAreCheckedAgainstBatchesQueriesAndKeys() {
        assertEquals(new SoftmaxShape(24, 4, 4, 2), SoftmaxShape.of(Tensor.zeros(2, 3, 4, 4),
                Mask.causal().and(Mask.keyPadding(4, 2))));
        assertEquals(new SoftmaxShape(3, 3, 3, 1), SoftmaxShape.of(Tensor.zeros(3, 3), Mask.keyPadding(2)),
                "rank 2 scores are one batch entry");
    }

    @Test
    void maskThatDoesNotFitNamesSoftmaxTheMaskAndTheScoresShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxShape.of(Tensor.zeros(2, 3, 4), Mask.causal()));

        assertTrue(e.getMessage().startsWith("softmax"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3, 4]"), e.getMessage());
        assertTrue(e.getMessage().contains("Mask.causal()"), e.getMessage());
        assertTrue(e.getMessage().contains("Tq=3"), "the mask's own reason: " + e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void keyPaddingWithTheWrongBatchCountDoesNotFitRankFourScores() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxShape.of(Tensor.zeros(2, 3, 4, 4), Mask.keyPadding(1, 2, 3)));

        assertTrue(e.getMessage().startsWith("softmax") && e.getMessage().contains("[2, 3, 4, 4]"), e.getMessage());
    }

    @Test
    void scalarScoresAndNullsAreRejected() {
        IllegalArgumentException scalar = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxShape.of(Tensor.zeros(), Mask.none()));

        assertTrue(scalar.getMessage().startsWith("softmax"), scalar.getMessage());
        assertThrows(NullPointerException.class, () -> SoftmaxShape.of(null, Mask.none()));
        assertThrows(NullPointerException.class, () -> SoftmaxShape.of(Tensor.zeros(2), null));
    }

    @Test
    void emptyScoresHaveNoRows() {
        assertEquals(new SoftmaxShape(0, 4, 0, 2), SoftmaxShape.of(Tensor.zeros(2, 0, 4), Mask.none()));
        assertEquals(new SoftmaxShape(3, 0, 3, 1), SoftmaxShape.of(Tensor.zeros(3, 0), Mask.none()));
    }
}
