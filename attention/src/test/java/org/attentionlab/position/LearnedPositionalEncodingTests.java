package org.attentionlab.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class LearnedPositionalEncodingTests {

    @Test
    void encodingsAreTheFirstRowsOfTheTable() {
        Tensor table = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        LearnedPositionalEncoding encoding = new LearnedPositionalEncoding(table);
        assertEquals(Tensor.of(new float[][] {{1, 2}, {3, 4}}), encoding.encodings(2));
        assertEquals(3, encoding.maxLength());
        assertEquals(2, encoding.dModel());
        assertEquals(Tensor.of(new float[][][] {{{1, 2}, {4, 5}}}), encoding.addTo(Tensor.of(new float[][][] {{{0, 0}, {1, 1}}})));
    }

    @Test
    void positionsPastTheTableDoNotExist() {
        LearnedPositionalEncoding encoding = LearnedPositionalEncoding.random(4, 8, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoding.encodings(5));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LearnedPositionalEncoding(Tensor.zeros(4)));
    }

    @Test
    void randomTableIsSeededAndSmall() {
        assertEquals(LearnedPositionalEncoding.random(16, 8, 3).table(), LearnedPositionalEncoding.random(16, 8, 3).table());
        assertNotEquals(LearnedPositionalEncoding.random(16, 8, 3).table(), LearnedPositionalEncoding.random(16, 8, 4).table());
        for (float v : LearnedPositionalEncoding.random(64, 8, 3).table().toArray()) {
            assertTrue(Math.abs(v) < 10 * LearnedPositionalEncoding.INIT_STD);
        }
    }
}
