package org.attentionlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class ColourRangeTests {

    @Test
    void fittedSpansTheFiniteValues() {
        assertEquals(new ColourRange(-2, 3), ColourRange.fitted(Tensor.of(1, -2, 3, Float.NEGATIVE_INFINITY)));
    }

    @Test
    void aConstantTensorGetsARangeAroundItsValue() {
        assertEquals(new ColourRange(0.5, 1.5), ColourRange.fitted(Tensor.full(1, 2, 2)));
    }

    @Test
    void symmetricIsCentredOnZero() {
        assertEquals(new ColourRange(-3, 3), ColourRange.symmetric(Tensor.of(1, -2, 3)));
    }

    @Test
    void anEmptyOrBackwardRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ColourRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ColourRange(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ColourRange.fitted(Tensor.of(Float.NaN)));
    }
}
