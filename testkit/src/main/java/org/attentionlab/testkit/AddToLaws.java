package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link PositionalEncoding#addTo(Tensor)}: {@code x + PE} for {@code x [T, D]} or {@code [B, T, D]},
 * the same {@code [T, D]} encodings added to every sequence; anything else is rejected.
 */
public interface AddToLaws extends PositionalEncodingUnderTest {

    /**
     * {@code addTo(x)[b, t, d] = x[b, t, d] + encodings(T)[t, d]} for every sequence {@code b} of a
     * batch {@code [B, T, D]}, and {@code addTo(x)[t, d] = x[t, d] + encodings(T)[t, d]} for a single
     * sequence {@code [T, D]} (up to float rounding of the sum).
     */
    @TestFactory
    default Stream<DynamicTest> addToAddsTheSameEncodingsToEverySequenceOfABatch() {
        PositionalEncoding encoding = encoding();
        return ForAll.cases(EncodingCase.random(ForAll.seed(), Budget.ENCODING_TRIES,
                longestUpTo(Budget.LONGEST_ENCODING)), c -> {
                    int d = encoding.dModel();
                    int t = c.length();
                    float[] pe = encoding.encodings(t).toArray();                     // [T, D]
                    for (Tensor x : List.of(Tensor.randomNormal(c.seed(), c.batch(), t, d), // [B, T, D]
                            Tensor.randomNormal(c.seed(), t, d))) {                          // [T, D]
                        Tensor y = encoding.addTo(x);
                        assertNotNull(y, "addTo returned null");
                        assertArrayEquals(x.shape(), y.shape(), () -> "addTo of " + Arrays.toString(x.shape())
                                + " returned " + Arrays.toString(y.shape()));
                        float[] in = x.toArray();
                        float[] out = y.toArray();
                        for (int i = 0; i < in.length; i++) {
                            float encoded = pe[i % pe.length];
                            double expected = (double) in[i] + encoded;
                            if (!(Math.abs(out[i] - expected) <= 1e-6 * (Math.abs(in[i]) + Math.abs(encoded)))) {
                                int[] at = Agreement.indexOf(i, x.shape());
                                fail("addTo of " + Arrays.toString(x.shape()) + " at " + Arrays.toString(at) + " is "
                                        + out[i] + ", expected x + PE = " + in[i] + " + " + encoded + " = " + expected
                                        + " (position " + at[at.length - 2] + ")");
                            }
                        }
                    }
                });
    }

    /**
     * An input whose last dimension is not {@code D}, or whose rank is below 2, raises
     * {@link IllegalArgumentException} whose message names its shape.
     */
    @Test
    default void addToRejectsTheWrongWidth() {
        PositionalEncoding encoding = encoding();
        int d = encoding.dModel();
        int t = longestUpTo(3);
        List<Tensor> wrong = new ArrayList<>(List.of(Tensor.zeros(t, d + 1), Tensor.zeros(2, t, d + 1),
                Tensor.zeros(d), Tensor.zeros()));
        if (d > 1) {
            wrong.add(Tensor.zeros(2, t, d - 1));
        }
        for (Tensor x : wrong) {
            String shape = Arrays.toString(x.shape());
            Rejections.assertRejected("addTo of " + shape + " (D = " + d + ")", () -> encoding.addTo(x), shape);
        }
    }

    /** {@code addTo(null)} raises {@link NullPointerException}. */
    @Test
    default void addToRejectsNull() {
        PositionalEncoding encoding = encoding();
        assertThrows(NullPointerException.class, () -> encoding.addTo(null));
    }
}
