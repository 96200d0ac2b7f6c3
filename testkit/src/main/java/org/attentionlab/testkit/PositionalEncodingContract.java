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
import java.util.stream.Stream;
import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.LayerCase.Pairing;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole {@link PositionalEncoding} contract as tests: implement this interface in a test
 * class, give the encoding (and its longest supported length, if it has one), and every law runs
 * against it.
 *
 * <pre>{@code
 * class MyLearnedEncodingContractTests implements PositionalEncodingContract {
 *     public PositionalEncoding encoding() {
 *         return MyLearnedEncoding.random(32, 8, 42);   // 32 positions, D = 8
 *     }
 *     public OptionalInt maxLength() {
 *         return OptionalInt.of(32);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link PositionalEncoding#encodings(int)} is {@code [T, D]}, the same every time and from any
 * thread, each position's vector independent of the sequence length and different from every
 * other position's; {@link PositionalEncoding#addTo(Tensor)} is {@code x + PE} for {@code x [T, D]}
 * or {@code [B, T, D]}, the same encodings added to every sequence; anything else is rejected.
 * Laws marked {@code @TestFactory} run one test per generated case ({@code T}, {@code T'},
 * {@code B} and a seed; 50 per law, lengths up to 40 or the maximum), shrunk to a small failing
 * case on failure; {@code testkit/README.md} lists the laws in one table.
 */
public interface PositionalEncodingContract {

    /** The encoding under test, called once per law: the same instance (encodings are thread-safe by contract) or a new, equal one. */
    PositionalEncoding encoding();

    /**
     * The longest sequence the encoding supports, e.g. the number of rows of a learned table; empty
     * (the default) if every length works, as for the sinusoidal encoding.
     */
    default OptionalInt maxLength() {
        return OptionalInt.empty();
    }

    /**
     * {@code encodings(T)} is {@code [T, D]} with {@code D = dModel() ≥ 1}, finite, for
     * {@code T = 0}, generated lengths, and the longest supported (or 1024).
     */
    @TestFactory
    default Stream<DynamicTest> encodingsAreTByD() {
        PositionalEncoding encoding = encoding();
        int longest = longestUpTo(Budget.LONGEST_ENCODING);
        List<LayerCase> cases = new ArrayList<>(List.of(new LayerCase(1, 0, 1, MaskKind.NONE, Pairing.PREFIX, 0, 0),
                new LayerCase(1, longest, longest, MaskKind.NONE, Pairing.PREFIX, 0, 0)));
        cases.addAll(LayerCase.forEncodings(ForAll.seed(), Budget.ENCODING_TRIES, longest));
        return ForAll.cases(cases, c -> {
            int d = encoding.dModel();
            assertTrue(d >= 1, "dModel() must be at least 1, got " + d);
            int t = c.tq(); // T
            Tensor pe = encoding.encodings(t);
            assertNotNull(pe, "encodings returned null");
            assertArrayEquals(new int[] {t, d}, pe.shape(),
                    () -> "encodings(" + t + ") is " + Arrays.toString(pe.shape()) + ", expected [T, D] = [" + t + ", " + d + "]");
            Agreement.assertFinite("encodings(" + t + ")", pe);
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
     * the first {@code T} rows of {@code encodings(T')} for {@code T < T'}, up to float rounding
     * ({@link Agreement}'s same-computation rule). An encoding that scales positions by the length
     * (such as {@code pos / T}) fails: a token would move when the sentence grows.
     */
    @TestFactory
    default Stream<DynamicTest> encodingOfAPositionDoesNotDependOnSequenceLength() {
        PositionalEncoding encoding = encoding();
        return ForAll.cases(LayerCase.forEncodings(ForAll.seed(), Budget.ENCODING_TRIES,
                longestUpTo(Budget.LONGEST_ENCODING)), c -> {
                    int t = c.tq();      // T
                    int longer = c.tk(); // T' > T
                    try {
                        Agreement.assertAgreesUpToRounding("encodings(" + t + ")", encoding.encodings(t),
                                Sequences.rows(encoding.encodings(longer), 0, t));
                    } catch (AssertionError e) {
                        fail("encodings(" + t + ") is not the first " + t + " rows of encodings(" + longer + "): "
                                + e.getMessage());
                    }
                });
    }

    /**
     * No two positions among the first 128 (or all, if fewer are supported) get the same vector:
     * the two do not agree under {@link Agreement}'s same-computation rule, so some component
     * differs by more than float rounding. Otherwise attention could not tell the two positions apart.
     */
    @Test
    default void distinctPositionsGetDistinctEncodings() {
        PositionalEncoding encoding = encoding();
        int n = longestUpTo(128); // positions 0..127 must all be told apart
        float[][] pe = encoding.encodings(n).toMatrix();
        List<Tensor> rows = Arrays.stream(pe).map(Tensor::of).toList();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (Agreement.agreesUpToRounding(rows.get(b), rows.get(a))) {
                    fail("positions " + a + " and " + b + " get encodings that differ only by float rounding (by at most "
                            + rows.get(b).maxAbsDifference(rows.get(a)) + "): " + Arrays.toString(pe[a]) + " and "
                            + Arrays.toString(pe[b]));
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
        max.stream().filter(m -> m <= Integer.MAX_VALUE - 17).forEach(m -> bad.addAll(List.of(m + 1, m + 17)));
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

    /**
     * {@code addTo(x)[b, t, d] = x[b, t, d] + encodings(T)[t, d]} for every sequence {@code b} of a
     * batch {@code [B, T, D]}, and {@code addTo(x)[t, d] = x[t, d] + encodings(T)[t, d]} for a single
     * sequence {@code [T, D]}, under {@link Agreement}'s rule for a sum.
     */
    @TestFactory
    default Stream<DynamicTest> addToAddsTheSameEncodingsToEverySequenceOfABatch() {
        PositionalEncoding encoding = encoding();
        return ForAll.cases(LayerCase.forEncodings(ForAll.seed(), Budget.ENCODING_TRIES,
                longestUpTo(Budget.LONGEST_ENCODING)), c -> {
                    int d = encoding.dModel();
                    int t = c.tq();
                    Tensor pe = encoding.encodings(t);                                // [T, D]
                    for (Tensor x : List.of(Tensor.randomNormal(c.seed(), c.batch(), t, d), // [B, T, D]
                            Tensor.randomNormal(c.seed(), t, d))) {                          // [T, D]
                        Agreement.assertSumAgrees("addTo of " + Arrays.toString(x.shape()), "x + PE", x, pe,
                                encoding.addTo(x));
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

    /** The longest length the laws use: {@link #maxLength()}, but at most {@code cap}. */
    private int longestUpTo(int cap) {
        OptionalInt max = maxLength();
        if (max.isPresent() && max.getAsInt() < 1) {
            throw new IllegalStateException("maxLength() must be at least 1, got " + max.getAsInt());
        }
        return Math.min(cap, max.orElse(Integer.MAX_VALUE));
    }
}
