package org.attentionlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class HeadWeightsTests {

    @Test
    void countsTheHeadsOfEachShape() {
        assertEquals(1, HeadWeights.heads(Tensor.zeros(3, 3)));
        assertEquals(4, HeadWeights.heads(Tensor.zeros(4, 3, 3)));
        assertEquals(2, HeadWeights.heads(Tensor.zeros(5, 2, 3, 3)));
    }

    @Test
    void takesTheBlockOfTheBatchAndHead() {
        Tensor weights = Tensor.randomNormal(7, 2, 3, 4, 5); // [B, H, Tq, Tk]
        Tensor block = HeadWeights.of(weights, 1, 2);
        assertEquals(4, block.dim(0));
        assertEquals(5, block.dim(1));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(weights.get(1, 2, i, j), block.get(i, j));
            }
        }
    }

    @Test
    void aMissingHeadIsNamedWithTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadWeights.of(Tensor.zeros(1, 2, 3, 3), 0, 2));
        assertEquals("HeadWeights.of: no batch 0, head 2 in weights of shape [1, 2, 3, 3]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeadWeights.of(Tensor.zeros(3), 0, 0));
    }
}
