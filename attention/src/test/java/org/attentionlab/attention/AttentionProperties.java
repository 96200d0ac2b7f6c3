package org.attentionlab.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.position.SinusoidalPositionalEncoding;

/** The laws of attention, each checked on random inputs. Shapes use the README's vocabulary. */
class AttentionProperties {

    private static final double RTOL = 1e-4;
    private static final double ATOL = 1e-5;

    private final Kernel naive = new NaiveKernel();

    @Property(tries = 100)
    void attentionWeightsRowsSumToOne(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int tq,
                                      @ForAll @IntRange(min = 1, max = 9) int tk,
                                      @ForAll @IntRange(min = 1, max = 16) int dk) {
        Tensor q = Tensor.randomNormal(seed, 2, 3, tq, dk);       // [B, H, Tq, Dk]
        Tensor k = Tensor.randomNormal(seed + 1, 2, 3, tk, dk);   // [B, H, Tk, Dk]
        Tensor v = Tensor.randomNormal(seed + 2, 2, 3, tk, 5);    // [B, H, Tk, Dv]
        Tensor weights = new ScaledDotProductAttention(naive).forward(q, k, v).weights(); // [B, H, Tq, Tk]
        float[] w = weights.toArray();
        for (int row = 0; row < w.length / tk; row++) {
            double sum = 0;
            for (int j = 0; j < tk; j++) {
                assertTrue(w[row * tk + j] >= 0, "weights are probabilities");
                sum += w[row * tk + j];
            }
            assertEquals(1.0, sum, 1e-5, "row " + row);
        }
    }

    /**
     * Without positions, self-attention treats its input as a set: permuting the tokens permutes the
     * output rows in the same way ("dog bites man" and "man bites dog" give the same vectors, reordered).
     */
    @Property(tries = 60)
    void selfAttentionIsPermutationEquivariantWithoutPositions(@ForAll long seed,
                                                               @ForAll @IntRange(min = 2, max = 9) int t) {
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 2, Bias.ZEROS, seed);
        Tensor x = Tensor.randomNormal(seed + 7, 1, t, 8);               // [1, T, D]
        int[] perm = permutation(seed, t);

        Tensor outputThenPermute = permuteTokens(mha.selfAttention(x, Mask.none()).output(), perm);
        Tensor permuteThenOutput = mha.selfAttention(permuteTokens(x, perm), Mask.none()).output();

        assertTrue(permuteThenOutput.allClose(outputThenPermute, RTOL, ATOL),
                "max difference " + permuteThenOutput.maxAbsDifference(outputThenPermute));
    }

    /** With sinusoidal positions added, the same permutation changes the vectors, not only their order. */
    @Property(tries = 60)
    void selfAttentionIsNotPermutationEquivariantWithSinusoidalPositions(@ForAll long seed,
                                                                          @ForAll @IntRange(min = 2, max = 9) int t) {
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 2, Bias.ZEROS, seed);
        SinusoidalPositionalEncoding positions = new SinusoidalPositionalEncoding(8);
        Tensor x = Tensor.randomNormal(seed + 7, 1, t, 8);
        int[] perm = reversal(t);

        Tensor outputThenPermute = permuteTokens(mha.selfAttention(positions.addTo(x), Mask.none()).output(), perm);
        Tensor permuteThenOutput = mha.selfAttention(positions.addTo(permuteTokens(x, perm)), Mask.none()).output();

        assertFalse(permuteThenOutput.allClose(outputThenPermute, 1e-3, 1e-3),
                "positions should make the output depend on order");
    }

    /** MultiHead = Concat(head_1..head_h)·W_O with head_i = Attention(Q·W_Q^i, K·W_K^i, V·W_V^i), computed by slicing. */
    @Property(tries = 60)
    void multiHeadOutputEqualsOutputProjectionOfConcatenatedHeads(@ForAll long seed,
                                                                  @ForAll @IntRange(min = 1, max = 4) int heads,
                                                                  @ForAll @IntRange(min = 1, max = 4) int dk,
                                                                  @ForAll @IntRange(min = 1, max = 7) int tq,
                                                                  @ForAll @IntRange(min = 1, max = 7) int tk) {
        int d = heads * dk;
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, d, heads, Bias.ZEROS, seed);
        Tensor query = Tensor.randomNormal(seed + 1, 2, tq, d);          // [B, Tq, D]
        Tensor memory = Tensor.randomNormal(seed + 2, 2, tk, d);         // [B, Tk, D]: cross-attention
        ScaledDotProductAttention attention = new ScaledDotProductAttention(naive);

        List<Tensor> headOutputs = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            Tensor qh = mha.headQueryProjection(h).apply(naive, query);   // [B, Tq, Dk]
            Tensor kh = mha.headKeyProjection(h).apply(naive, memory);    // [B, Tk, Dk]
            Tensor vh = mha.headValueProjection(h).apply(naive, memory);  // [B, Tk, Dk]
            headOutputs.add(attention.forward(qh, kh, vh).output());      // [B, Tq, Dk]
        }
        Tensor expected = mha.outputProjection().apply(naive, Tensor.concatLast(headOutputs)); // [B, Tq, D]

        AttentionResult actual = mha.forward(query, memory, memory);
        assertTrue(actual.output().allClose(expected, RTOL, ATOL),
                "max difference " + actual.output().maxAbsDifference(expected));
        assertEquals(List.of(2, heads, tq, tk), List.of(actual.weights().dim(0), actual.weights().dim(1),
                actual.weights().dim(2), actual.weights().dim(3)));
    }

    /** With one head, multi-head attention is scaled dot-product attention on the projections, then W_O. */
    @Property(tries = 60)
    void oneHeadEqualsScaledDotProductAttentionOnTheProjections(@ForAll long seed,
                                                                @ForAll @IntRange(min = 1, max = 9) int d,
                                                                @ForAll @IntRange(min = 1, max = 7) int t) {
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, d, 1, Bias.NONE, seed);
        Tensor x = Tensor.randomNormal(seed + 1, 2, t, d);
        Tensor q = mha.queryProjection().apply(naive, x);
        Tensor k = mha.keyProjection().apply(naive, x);
        Tensor v = mha.valueProjection().apply(naive, x);
        AttentionResult single = new ScaledDotProductAttention(naive).forward(q, k, v);
        Tensor expected = mha.outputProjection().apply(naive, single.output());

        AttentionResult actual = mha.selfAttention(x, Mask.none());
        assertTrue(actual.output().allClose(expected, RTOL, ATOL));
        assertTrue(actual.weights().reshape(2, t, t).allClose(single.weights(), RTOL, ATOL));
    }

    /** A causal mask: position i's output does not change when the inputs after i change. */
    @Property(tries = 60)
    void causalMaskMakesOutputIndependentOfLaterInputs(@ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int t,
                                                       @ForAll @IntRange(min = 0, max = 8) int cut) {
        int i = cut % (t - 1); // a position with at least one later position
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 2, Bias.ZEROS, seed);
        Tensor x = Tensor.randomNormal(seed + 1, 1, t, 8);
        Tensor changedFuture = replaceTokensAfter(x, i, Tensor.randomNormal(seed + 2, 1, t, 8));

        Tensor before = mha.selfAttention(x, Mask.causal()).output();
        Tensor after = mha.selfAttention(changedFuture, Mask.causal()).output();

        Tensor prefixBefore = before.reshape(t, 8).reshape(-1).sliceLast(0, (i + 1) * 8);
        Tensor prefixAfter = after.reshape(t, 8).reshape(-1).sliceLast(0, (i + 1) * 8);
        assertTrue(prefixAfter.allClose(prefixBefore, RTOL, ATOL), "positions 0.." + i + " saw the future");
        assertFalse(after.allClose(before, RTOL, ATOL), "the last position should see the change");
    }

    @Property(tries = 60)
    void causalMaskGivesZeroWeightToFuturePositions(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int t) {
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 4, Bias.ZEROS, seed);
        Tensor weights = mha.selfAttention(Tensor.randomNormal(seed, 2, t, 8), Mask.causal()).weights(); // [B, H, T, T]
        for (int b = 0; b < 2; b++) {
            for (int h = 0; h < 4; h++) {
                for (int i = 0; i < t; i++) {
                    for (int j = i + 1; j < t; j++) {
                        assertEquals(0f, weights.get(b, h, i, j), "query " + i + " looked at future key " + j);
                    }
                }
            }
        }
    }

    /** Padding keys get weight 0, so what the padding holds cannot change the real tokens' outputs. */
    @Property(tries = 60)
    void keyPaddingMakesOutputIndependentOfPadding(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int length,
                                                   @ForAll @IntRange(min = 1, max = 4) int padding) {
        int t = length + padding;
        MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 2, Bias.ZEROS, seed);
        Tensor x = Tensor.randomNormal(seed + 1, 1, t, 8);
        Tensor otherPadding = replaceTokensAfter(x, length - 1, Tensor.randomNormal(seed + 2, 1, t, 8));
        Mask mask = Mask.keyPadding(length);

        AttentionResult a = mha.selfAttention(x, mask);
        AttentionResult b = mha.selfAttention(otherPadding, mask);

        Tensor realA = a.output().reshape(-1).sliceLast(0, length * 8);
        Tensor realB = b.output().reshape(-1).sliceLast(0, length * 8);
        assertTrue(realA.allClose(realB, RTOL, ATOL));
        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < t; i++) {
                for (int j = length; j < t; j++) {
                    assertEquals(0f, a.weights().get(0, h, i, j));
                }
            }
        }
    }

    /** Every kernel on the class path computes the same multi-head attention as the naive one. */
    @Property(tries = 30)
    void everyKernelAgreesWithNaiveOnMultiHeadAttention(@ForAll long seed, @ForAll @IntRange(min = 1, max = 37) int t,
                                                        @ForAll @IntRange(min = 1, max = 3) int batch) {
        Kernels kernels = Kernels.discover(getClass().getClassLoader(), message -> { });
        MultiHeadAttention reference = MultiHeadAttention.initialized(naive, 12, 3, Bias.ZEROS, seed);
        Tensor x = Tensor.randomNormal(seed + 1, batch, t, 12);
        AttentionResult expected = reference.selfAttention(x, Mask.causal());
        assertTrue(kernels.all().size() >= 3, "all kernel plugins should be on the test class path: " + kernels);
        for (Kernel kernel : kernels.all()) {
            MultiHeadAttention mha = new MultiHeadAttention(kernel, 3, reference.queryProjection(),
                    reference.keyProjection(), reference.valueProjection(), reference.outputProjection());
            AttentionResult actual = mha.selfAttention(x, Mask.causal());
            assertTrue(actual.output().allClose(expected.output(), RTOL, ATOL), kernel.id() + " output differs by "
                    + actual.output().maxAbsDifference(expected.output()));
            assertTrue(actual.weights().allClose(expected.weights(), RTOL, ATOL), kernel.id() + " weights differ");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A seeded random permutation of 0..n-1 (Fisher-Yates) that is never the identity for n >= 2. */
    private static int[] permutation(long seed, int n) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return isIdentity(p) ? reversal(n) : p;
    }

    private static boolean isIdentity(int[] p) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static int[] reversal(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = n - 1 - i;
        }
        return p;
    }

    /** Row {@code i} of the result is token {@code perm[i]} of {@code x} ([1, T, D]). */
    static Tensor permuteTokens(Tensor x, int[] perm) {
        List<Tensor> rows = new ArrayList<>();
        int d = x.dim(-1);
        Tensor flat = x.reshape(-1);
        for (int p : perm) {
            rows.add(flat.sliceLast(p * d, (p + 1) * d));
        }
        return Tensor.concatLast(rows).reshape(x.shape());
    }

    /** Tokens 0..i from {@code x}, the rest from {@code other} (both [1, T, D]). */
    private static Tensor replaceTokensAfter(Tensor x, int i, Tensor other) {
        int d = x.dim(-1);
        int t = x.dim(-2);
        Tensor head = x.reshape(-1).sliceLast(0, (i + 1) * d);
        Tensor tail = other.reshape(-1).sliceLast((i + 1) * d, t * d);
        return Tensor.concatLast(List.of(head, tail)).reshape(x.shape());
    }
}
