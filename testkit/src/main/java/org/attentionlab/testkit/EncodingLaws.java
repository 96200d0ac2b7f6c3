package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What {@link PositionalEncoding#encodings(int)} returns: {@code [T, D]}, the same every time and
 * from any thread, each position's vector independent of the sequence length and different from
 * every other position's; lengths it does not support are rejected.
 */
public interface EncodingLaws extends PositionalEncodingUnderTest {

    /**
     * {@code encodings(T)} is {@code [T, D]} with {@code D = dModel() ≥ 1}, finite, for
     * {@code T = 0}, generated lengths, and the longest supported (or 1024).
     */
    @TestFactory
    default Stream<DynamicTest> encodingsAreTByD() {
        PositionalEncoding encoding = encoding();
        int longest = longestUpTo(Budget.LONGEST_ENCODING);
        List<EncodingCase> cases = new ArrayList<>(List.of(new EncodingCase(0, 1, 1, longest, 0),
                new EncodingCase(longest, longest, 1, longest, 0)));
        cases.addAll(EncodingCase.random(ForAll.seed(), Budget.ENCODING_TRIES, longest));
        return ForAll.cases(cases, c -> {
            int d = encoding.dModel();
            assertTrue(d >= 1, "dModel() must be at least 1, got " + d);
            Tensor pe = encoding.encodings(c.length());
            assertNotNull(pe, "encodings returned null");
            assertArrayEquals(new int[] {c.length(), d}, pe.shape(),
                    () -> "encodings(" + c.length() + ") is " + Arrays.toString(pe.shape()) + ", expected [T, D] = ["
                            + c.length() + ", " + d + "]");
            Agreement.assertFinite("encodings(" + c.length() + ")", pe);
        });
    }

    /**
     * The same length gives bit-for-bit the same encodings on every call, also when
     * 8 threads ask at the same moment.
     */
    @Test
    default void encodingsAreDeterministic() throws InterruptedException {
        PositionalEncoding encoding = encoding();
        int longest = longestUpTo(64);
        for (int length : new int[] {0, 1, longest}) {
            assertEquals(encoding.encodings(length), encoding.encodings(length),
                    "two calls of encodings(" + length + ") differ");
        }
        List<Concurrently.Call<Tensor>> calls = new ArrayList<>();
        for (int t = 0; t < Budget.THREADS; t++) {
            int length = longest - (longest * t) / Budget.THREADS; // longest down to about longest / 8
            Tensor alone = encoding.encodings(length);
            calls.add(new Concurrently.Call<>("encodings(" + length + ")", "encodingsAreTByD",
                    () -> encoding.encodings(length), pe -> assertEquals(alone, pe, "differs from a lone call's")));
        }
        Concurrently.assertAgreeAtOnce(calls, List.of());
    }

    /**
     * Position {@code p} has the same vector in a sequence of any length: {@code encodings(T)} is
     * the first {@code T} rows of {@code encodings(T')} for {@code T < T'} (within 1e-6, relative
     * for large values). An encoding that scales positions by the length (such as {@code pos / T})
     * fails: a token would move when the sentence grows.
     */
    @TestFactory
    default Stream<DynamicTest> encodingOfAPositionDoesNotDependOnSequenceLength() {
        PositionalEncoding encoding = encoding();
        return ForAll.cases(EncodingCase.random(ForAll.seed(), Budget.ENCODING_TRIES,
                longestUpTo(Budget.LONGEST_ENCODING)), c -> {
                    Tensor shorter = encoding.encodings(c.length());
                    Tensor prefix = Sequences.rows(encoding.encodings(c.longer()), 0, c.length());
                    assertArrayEquals(prefix.shape(), shorter.shape(), "encodings(" + c.length() + ") is "
                            + Arrays.toString(shorter.shape()));
                    if (!shorter.allClose(prefix, 1e-6, 1e-6)) {
                        fail("encodings(" + c.length() + ") is not the first " + c.length() + " rows of encodings("
                                + c.longer() + "): they differ by up to " + shorter.maxAbsDifference(prefix));
                    }
                });
    }

    /**
     * No two positions among the first 128 (or all, if fewer are
     * supported) get the same vector: some component differs by more than 1e-5.
     * Otherwise attention could not tell the two positions apart.
     */
    @Test
    default void distinctPositionsGetDistinctEncodings() {
        PositionalEncoding encoding = encoding();
        int n = longestUpTo(128); // positions 0..127 must all be told apart
        float[][] pe = encoding.encodings(n).toMatrix();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double largest = 0;
                for (int d = 0; d < pe[a].length; d++) {
                    largest = Math.max(largest, Math.abs((double) pe[a][d] - pe[b][d]));
                }
                if (!(largest > 1e-5)) {
                    fail("positions " + a + " and " + b + " get encodings that differ by at most " + largest
                            + ": " + Arrays.toString(pe[a]) + " and " + Arrays.toString(pe[b]));
                }
            }
        }
    }

    /**
     * A negative length, or one beyond {@link #maxLength()}, raises {@link IllegalArgumentException}
     * whose message names the length; so does {@code addTo} on a sequence that is too long (checked
     * when such a sequence has at most 2²² numbers).
     */
    @Test
    default void negativeOrTooLongLengthsAreRejected() {
        PositionalEncoding encoding = encoding();
        List<Integer> bad = new ArrayList<>(List.of(-1, -7, Integer.MIN_VALUE));
        OptionalInt max = maxLength();
        max.ifPresent(m -> {
            if (m <= Integer.MAX_VALUE - 17) {
                bad.add(m + 1);
                bad.add(m + 17);
            }
        });
        for (int length : bad) {
            Rejections.assertRejected("encodings(" + length + ")", () -> encoding.encodings(length), String.valueOf(length));
        }
        if (max.isPresent() && (max.getAsInt() + 1L) * encoding.dModel() <= 1 << 22) { // an input that fits in memory
            int tooLong = max.getAsInt() + 1;
            for (Tensor x : List.of(Tensor.zeros(tooLong, encoding.dModel()), Tensor.zeros(2, tooLong, encoding.dModel()))) {
                Rejections.assertRejected("addTo of " + Arrays.toString(x.shape()) + " (longer than " + max.getAsInt() + ")",
                        () -> encoding.addTo(x), String.valueOf(tooLong));
            }
        }
    }
}
