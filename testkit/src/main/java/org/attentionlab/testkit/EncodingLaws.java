package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /** Cases per encoding law, unless {@code -Dattentionlab.testkit.tries} says otherwise. */
    int ENCODING_TRIES = 50;

    /** Positions {@code 0..DISTINCT_POSITIONS-1} (or fewer, up to the maximum) must all be told apart. */
    int DISTINCT_POSITIONS = 128;

    /** Two positions are told apart if some component of their vectors differs by more than this. */
    double DISTINCT_BY = 1e-5;

    /** Threads computing encodings at once in {@link #encodingsAreDeterministic()}. */
    int ENCODING_THREADS = 8;

    /**
     * {@code encodings(T)} is {@code [T, D]} with {@code D = dModel() ≥ 1}, finite, for
     * {@code T = 0}, generated lengths, and the longest supported (or {@value #LONGEST_CHECKED}).
     */
    @TestFactory
    default Stream<DynamicTest> encodingsAreTByD() {
        PositionalEncoding encoding = encoding();
        int longest = longestUpTo(LONGEST_CHECKED);
        List<EncodingCase> cases = new ArrayList<>(List.of(new EncodingCase(0, 1, 1, longest, 0),
                new EncodingCase(longest, longest, 1, longest, 0)));
        cases.addAll(EncodingCase.random("encodingsAreTByD", ENCODING_TRIES, longest));
        return ForAll.cases(cases, c -> {
            int d = encoding.dModel();
            assertTrue(d >= 1, "dModel() must be at least 1, got " + d);
            Tensor pe = encoding.encodings(c.length());
            assertNotNull(pe, "encodings returned null");
            assertArrayEquals(new int[] {c.length(), d}, pe.shape(),
                    () -> "encodings(" + c.length() + ") is " + Arrays.toString(pe.shape()) + ", expected [T, D] = ["
                            + c.length() + ", " + d + "]");
            Closeness.assertFinite("encodings(" + c.length() + ")", pe);
        });
    }

    /**
     * The same length gives bit-for-bit the same encodings on every call, also when
     * {@value #ENCODING_THREADS} threads ask at the same moment.
     */
    @Test
    default void encodingsAreDeterministic() throws Exception {
        PositionalEncoding encoding = encoding();
        int longest = longestUpTo(64);
        int[] lengths = new int[ENCODING_THREADS];
        for (int t = 0; t < ENCODING_THREADS; t++) {
            lengths[t] = longest - (longest * t) / ENCODING_THREADS; // longest down to about longest / 8
        }
        for (int length : new int[] {0, 1, longest}) {
            assertEquals(encoding.encodings(length), encoding.encodings(length),
                    "two calls of encodings(" + length + ") differ");
        }
        ExecutorService threads = Executors.newFixedThreadPool(ENCODING_THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(ENCODING_THREADS);
            List<Future<Tensor>> results = new ArrayList<>();
            for (int length : lengths) {
                results.add(threads.submit(() -> {
                    start.await(); // all threads ask at the same moment
                    return encoding.encodings(length);
                }));
            }
            for (int t = 0; t < ENCODING_THREADS; t++) {
                Tensor concurrent;
                try {
                    concurrent = results.get(t).get(1, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw new AssertionError("encodings(" + lengths[t] + ") threw when called from "
                            + ENCODING_THREADS + " threads at once", e.getCause());
                }
                assertEquals(encoding.encodings(lengths[t]), concurrent, "encodings(" + lengths[t]
                        + ") computed by " + ENCODING_THREADS + " threads at once differ from a lone call's");
            }
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES), "encodings calls did not finish");
        }
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
        return ForAll.cases(EncodingCase.random("encodingOfAPositionDoesNotDependOnSequenceLength", ENCODING_TRIES,
                longestUpTo(LONGEST_CHECKED)), c -> {
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
     * No two positions among the first {@value #DISTINCT_POSITIONS} (or all, if fewer are
     * supported) get the same vector: some component differs by more than {@value #DISTINCT_BY}.
     * Otherwise attention could not tell the two positions apart.
     */
    @Test
    default void distinctPositionsGetDistinctEncodings() {
        PositionalEncoding encoding = encoding();
        int n = longestUpTo(DISTINCT_POSITIONS);
        float[][] pe = encoding.encodings(n).toMatrix();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double largest = 0;
                for (int d = 0; d < pe[a].length; d++) {
                    largest = Math.max(largest, Math.abs((double) pe[a][d] - pe[b][d]));
                }
                if (!(largest > DISTINCT_BY)) {
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
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoding.encodings(length),
                    "encodings(" + length + ") must be rejected");
            assertTrue(String.valueOf(e.getMessage()).contains(String.valueOf(length)),
                    () -> "the message \"" + e.getMessage() + "\" should name the length " + length);
        }
        if (max.isPresent() && (max.getAsInt() + 1L) * encoding.dModel() <= 1 << 22) { // an input that fits in memory
            int tooLong = max.getAsInt() + 1;
            for (Tensor x : List.of(Tensor.zeros(tooLong, encoding.dModel()), Tensor.zeros(2, tooLong, encoding.dModel()))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoding.addTo(x),
                        "addTo of " + Arrays.toString(x.shape()) + " must be rejected (longer than " + max.getAsInt() + ")");
                assertTrue(String.valueOf(e.getMessage()).contains(String.valueOf(tooLong)),
                        () -> "the message \"" + e.getMessage() + "\" should name the length " + tooLong);
            }
        }
    }
}
