package org.attentionlab.position;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class SinusoidalPositionalEncodingTests {

    @Test
    void matchesThePapersFormula() {
        Tensor pe = new SinusoidalPositionalEncoding(4).encodings(3); // [T=3, D=4]
        for (int pos = 0; pos < 3; pos++) {
            assertEquals(Math.sin(pos), pe.get(pos, 0), 1e-6);               // 2i = 0
            assertEquals(Math.cos(pos), pe.get(pos, 1), 1e-6);
            assertEquals(Math.sin(pos / 100.0), pe.get(pos, 2), 1e-6);       // 10000^(2/4) = 100
            assertEquals(Math.cos(pos / 100.0), pe.get(pos, 3), 1e-6);
        }
    }

    @Test
    void positionZeroIsAlternatingZerosAndOnes() {
        assertEquals(Tensor.of(0, 1, 0, 1, 0, 1).reshape(1, 6), new SinusoidalPositionalEncoding(6).encodings(1));
    }

    @Test
    void oddWidthEndsWithALoneSine() {
        Tensor pe = new SinusoidalPositionalEncoding(3).encodings(2);
        assertEquals(Math.sin(1 / Math.pow(10000, 2.0 / 3)), pe.get(1, 2), 1e-6);
    }

    @Test
    void addsToEverySequenceOfABatch() {
        SinusoidalPositionalEncoding encoding = new SinusoidalPositionalEncoding(4);
        Tensor x = Tensor.zeros(2, 3, 4);
        Tensor y = encoding.addTo(x);
        Tensor pe = encoding.encodings(3);
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                for (int d = 0; d < 4; d++) {
                    assertEquals(pe.get(t, d), y.get(b, t, d));
                }
            }
        }
        assertArrayEquals(new int[] {0, 4}, encoding.encodings(0).shape());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SinusoidalPositionalEncoding(0));
        assertThrows(IllegalArgumentException.class, () -> new SinusoidalPositionalEncoding(4).encodings(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SinusoidalPositionalEncoding(4).addTo(Tensor.zeros(2, 3, 5)));
        assertTrue(e.getMessage().contains("[2, 3, 5]") && e.getMessage().contains("4"), e.getMessage());
    }
}
