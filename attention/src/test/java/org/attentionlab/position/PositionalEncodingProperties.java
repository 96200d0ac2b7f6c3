package org.attentionlab.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.ForAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Laws of the sinusoidal encoding, each checked on generated {@link PositionCase}s. */
class PositionalEncodingProperties {

    /** Each (sin, cos) column pair of one frequency lies on the unit circle. */
    @TestFactory
    Stream<DynamicTest> sineCosinePairsHaveUnitNorm() {
        return ForAll.cases(PositionCase.random("sineCosinePairsHaveUnitNorm", 50, 2), c -> {
            Tensor pe = new SinusoidalPositionalEncoding(c.dModel()).encodings(c.position() + 1);
            for (int i = 0; 2 * i + 1 < c.dModel(); i++) {
                double s = pe.get(c.position(), 2 * i);
                double cos = pe.get(c.position(), 2 * i + 1);
                assertEquals(1.0, s * s + cos * cos, 1e-5, "pair " + i);
            }
        });
    }

    /** No two positions get the same encoding, so attention can tell them apart. */
    @TestFactory
    Stream<DynamicTest> distinctPositionsGetDistinctEncodings() {
        return ForAll.cases(PositionCase.random("distinctPositionsGetDistinctEncodings", 50, 2), c -> {
            int d = c.dModel();
            int a = c.position();
            int b = a + c.offset();
            Tensor pe = new SinusoidalPositionalEncoding(d).encodings(b + 1).reshape(-1);
            assertFalse(pe.sliceLast(a * d, (a + 1) * d).allClose(pe.sliceLast(b * d, (b + 1) * d), 0, 1e-4),
                    "positions " + a + " and " + b);
        });
    }

    /** Position p's vector does not depend on the sequence length: a longer sequence's encodings start with a shorter one's. */
    @TestFactory
    Stream<DynamicTest> encodingOfAPositionDoesNotDependOnSequenceLength() {
        return ForAll.cases(PositionCase.random("encodingOfAPositionDoesNotDependOnSequenceLength", 50, 1), c -> {
            SinusoidalPositionalEncoding encoding = new SinusoidalPositionalEncoding(c.dModel());
            int t = c.position();
            Tensor shortOne = encoding.encodings(t);
            Tensor longOne = encoding.encodings(t + c.offset()).reshape(-1).sliceLast(0, t * c.dModel())
                    .reshape(t, c.dModel());
            assertEquals(shortOne, longOne);
        });
    }
}
