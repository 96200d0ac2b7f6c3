package org.attentionlab.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.attentionlab.api.Tensor;

class PositionalEncodingProperties {

    /** Each (sin, cos) column pair of one frequency lies on the unit circle. */
    @Property(tries = 100)
    void sineCosinePairsHaveUnitNorm(@ForAll @IntRange(min = 1, max = 32) int halfWidth,
                                     @ForAll @IntRange(min = 0, max = 500) int pos) {
        int d = 2 * halfWidth;
        Tensor pe = new SinusoidalPositionalEncoding(d).encodings(pos + 1);
        for (int i = 0; i < halfWidth; i++) {
            double s = pe.get(pos, 2 * i);
            double c = pe.get(pos, 2 * i + 1);
            assertEquals(1.0, s * s + c * c, 1e-5);
        }
    }

    /** No two positions get the same encoding, so attention can tell them apart. */
    @Property(tries = 50)
    void distinctPositionsGetDistinctEncodings(@ForAll @IntRange(min = 2, max = 64) int d,
                                               @ForAll @IntRange(min = 0, max = 200) int a,
                                               @ForAll @IntRange(min = 1, max = 200) int offset) {
        Tensor pe = new SinusoidalPositionalEncoding(d).encodings(a + offset + 1);
        Tensor rowA = pe.reshape(-1).sliceLast(a * d, (a + 1) * d);
        Tensor rowB = pe.reshape(-1).sliceLast((a + offset) * d, (a + offset + 1) * d);
        assertFalse(rowA.allClose(rowB, 0, 1e-4));
    }

    /** A longer sequence's encodings start with the shorter one's: position p's vector does not depend on T. */
    @Property(tries = 50)
    void encodingOfAPositionDoesNotDependOnSequenceLength(@ForAll @IntRange(min = 1, max = 32) int d,
                                                          @ForAll @IntRange(min = 0, max = 50) int t,
                                                          @ForAll @IntRange(min = 0, max = 50) int extra) {
        SinusoidalPositionalEncoding encoding = new SinusoidalPositionalEncoding(d);
        Tensor shortOne = encoding.encodings(t);
        Tensor longOne = encoding.encodings(t + extra).reshape(-1).sliceLast(0, t * d).reshape(t, d);
        assertEquals(shortOne, longOne);
    }
}
