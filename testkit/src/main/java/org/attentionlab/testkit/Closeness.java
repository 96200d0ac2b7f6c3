package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.attentionlab.api.Tensor;

/**
 * When two results of the same layer are "the same" in the attention laws: computed from
 * mathematically equal inputs (reordered, or with masked parts changed), they may differ only by
 * float rounding. Element by element:
 *
 * <pre>
 *   |a − e| ≤ RTOL · |e| + ATOL · max(1, max|e|)
 * </pre>
 *
 * <p>Reordering a sum of {@code T ≤ 12} terms changes it by a few units in the last place
 * (about 1e-7 relative); a real bug (a masked key that leaks, a mixed-up row) changes it by
 * far more than 1e-5 of the tensor's scale. Both tensors must be finite: a law that compares
 * NaN with NaN would hold vacuously.
 */
final class Closeness {

    /** Relative tolerance per element. */
    static final double RTOL = 1e-4;

    /** Absolute tolerance, relative to the largest element of the expected tensor (at least 1). */
    static final double ATOL = 1e-5;

    private Closeness() {
    }

    /** Asserts that {@code actual} is {@code expected} up to rounding; {@code what} names them in the message. */
    static void assertClose(String what, Tensor actual, Tensor expected) {
        assertNotNull(actual, what + " is null");
        assertArrayEquals(expected.shape(), actual.shape(), () -> what + " has shape " + Arrays.toString(actual.shape())
                + ", expected " + Arrays.toString(expected.shape()));
        float[] got = actual.toArray();
        float[] want = expected.toArray();
        double scale = 1;
        for (float e : want) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < got.length; i++) {
            if (!Float.isFinite(want[i]) || !Float.isFinite(got[i])) {
                fail(what + " is not finite at index " + Arrays.toString(Agreement.indexOf(i, expected.shape()))
                        + ": got " + got[i] + ", expected " + want[i] + " (the inputs are finite)");
            }
            double allowed = RTOL * Math.abs(want[i]) + ATOL * scale;
            if (!(Math.abs((double) got[i] - want[i]) <= allowed)) {
                fail(what + " differs at index " + Arrays.toString(Agreement.indexOf(i, expected.shape()))
                        + ": got " + got[i] + ", expected " + want[i] + " (|difference| = "
                        + Math.abs((double) got[i] - want[i]) + ", allowed " + allowed + ")");
            }
        }
    }

    /** Asserts that every element of {@code x} is a finite number. */
    static void assertFinite(String what, Tensor x) {
        float[] values = x.toArray();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                fail(what + " holds " + values[i] + " at index " + Arrays.toString(Agreement.indexOf(i, x.shape()))
                        + " although the inputs are finite");
            }
        }
    }
}
