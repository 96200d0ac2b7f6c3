package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The agreement rule: tolerance relative to the sum of magnitudes, exact special values. */
class AgreementTests {

    // left [1, 2] · right [2, 1]: c = 1e4 − 1e4 = 0, but S = |1e4| + |−1e4| = 2e4,
    // so the allowed error is 1e-4 · 2e4 + 1e-5 = 2.00001 although c itself is 0.
    private final Tensor left = Tensor.of(new float[][] {{1, 1}});
    private final Tensor right = Tensor.of(new float[][] {{1e4f}, {-1e4f}});
    private final Tensor exact = new NaiveKernel().matmul(left, right);

    @Test
    void matmulToleranceScalesWithTheSumOfMagnitudesNotWithTheResult() {
        assertTrue(exact.item() == 0f, "the example must cancel exactly");

        assertDoesNotThrow(() -> Agreement.assertMatmulAgrees(left, right, RightOperand.AS_IS,
                Tensor.of(new float[][] {{1.9f}}), exact));
        AssertionFailedError tooFar = assertThrows(AssertionFailedError.class, () -> Agreement.assertMatmulAgrees(
                left, right, RightOperand.AS_IS, Tensor.of(new float[][] {{2.1f}}), exact));
        assertTrue(tooFar.getMessage().contains("index [0, 0]"), tooFar.getMessage());
        assertTrue(tooFar.getMessage().contains("matmul"), tooFar.getMessage());
    }

    @Test
    void matmulResultOfTheWrongShapeDisagrees() {
        assertThrows(AssertionFailedError.class, () -> Agreement.assertMatmulAgrees(left, right, RightOperand.AS_IS,
                Tensor.zeros(1, 1, 1), exact));
    }

    @Test
    void softmaxToleranceIsRelativeToTheWeightPlusAbsolute() {
        Tensor expected = Tensor.of(0.5f, 0.5f, 0f);

        assertDoesNotThrow(() -> Agreement.assertSoftmaxAgrees(Tensor.of(0.50004f, 0.49996f, 5e-6f), expected));
        assertThrows(AssertionFailedError.class,
                () -> Agreement.assertSoftmaxAgrees(Tensor.of(0.5001f, 0.4999f, 0f), expected));
        assertThrows(AssertionFailedError.class,
                () -> Agreement.assertSoftmaxAgrees(Tensor.of(0.5f, 0.5f, 2e-5f), expected));
    }

    @Test
    void sameComputationToleranceIsRelativeToTheLargestValueTooAndNeedsFiniteResults() {
        Tensor expected = Tensor.of(100f, 0.001f); // S = |e| + 0.1 · 100: allowed 0.01101 and 0.00101

        assertDoesNotThrow(() -> Agreement.assertAgreesUpToRounding("y", Tensor.of(100.01f, 0.0015f), expected));
        assertTrue(Agreement.agreesUpToRounding(Tensor.of(100.01f, 0.0015f), expected));
        assertFalse(Agreement.agreesUpToRounding(Tensor.of(100f, 0.0025f), expected));
        assertThrows(AssertionFailedError.class,
                () -> Agreement.assertAgreesUpToRounding("y", Tensor.of(100f, 0.0025f), expected));
        assertThrows(AssertionFailedError.class,
                () -> Agreement.assertAgreesUpToRounding("y", Tensor.of(Float.NaN), Tensor.of(Float.NaN)));
    }

    @Test
    void sumToleranceIsRelativeToTheSumOfMagnitudes() {
        Tensor x = Tensor.of(1e4f, 1f);
        Tensor y = Tensor.of(-1e4f, 1f); // x + y = [0, 2], S = [2e4, 2]: allowed 2.00001 and 0.00021

        assertDoesNotThrow(() -> Agreement.assertSumAgrees("x + y", "the sum", x, y, Tensor.of(1.5f, 2.0001f)));
        AssertionFailedError off = assertThrows(AssertionFailedError.class,
                () -> Agreement.assertSumAgrees("x + y", "the sum", x, y, Tensor.of(0f, 2.001f)));
        assertTrue(off.getMessage().contains("expected 2.0 = 1.0 + 1.0"), off.getMessage());
    }

    @Test
    void specialValuesMustMatchExactly() {
        assertTrue(Agreement.agrees(Float.NaN, Float.NaN, 1));
        assertTrue(Agreement.agrees(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, 1));
        assertFalse(Agreement.agrees(Float.NaN, 0f, 1e9f), "NaN where the oracle has a number");
        assertFalse(Agreement.agrees(0f, Float.NaN, 1e9f), "a number where the oracle has NaN");
        assertFalse(Agreement.agrees(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 1));
        assertFalse(Agreement.agrees(Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.MAX_VALUE));
    }
}
