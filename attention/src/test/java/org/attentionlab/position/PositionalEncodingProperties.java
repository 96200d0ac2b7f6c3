package org.attentionlab.position;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.ForAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Laws of the sinusoidal encoding in particular, each checked on generated {@link PositionCase}s.
 * The laws every positional encoding obeys (shapes, positions independent of the length, distinct
 * positions, addTo) run from the test kit's contract: {@link SinusoidalPositionalEncodingContractTests}.
 */
class PositionalEncodingProperties {

    /** Each (sin, cos) column pair of one frequency lies on the unit circle. */
    @TestFactory
    Stream<DynamicTest> sineCosinePairsHaveUnitNorm() {
        return ForAll.cases(PositionCase.random(ForAll.seed(), 50, 2), c -> {
            Tensor pe = new SinusoidalPositionalEncoding(c.dModel()).encodings(c.position() + 1);
            for (int i = 0; 2 * i + 1 < c.dModel(); i++) {
                double s = pe.get(c.position(), 2 * i);
                double cos = pe.get(c.position(), 2 * i + 1);
                assertEquals(1.0, s * s + cos * cos, 1e-5, "pair " + i);
            }
        });
    }
}
