package org.attentionlab.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.Agreement;
import org.attentionlab.testkit.ForAll;
import org.attentionlab.testkit.Sequences;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.position.SinusoidalPositionalEncoding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The laws specific to this module's attention, each checked on generated cases ({@link AttentionCase})
 * through the test kit's {@link ForAll}: one dynamic test per case, the same cases on every run, and a
 * failing case shrunk to a small one. Shapes use the README's vocabulary. The laws every attention
 * layer obeys (weights sum to 1, masks, reordering keys or queries, ...) run from the test kit's
 * contracts: {@link ScaledDotProductAttentionContractTests}, {@link MultiHeadAttentionContractTests}.
 */
class AttentionProperties {

    private final Kernel naive = new NaiveKernel();

    /**
     * Without positions, self-attention treats its input as a set: permuting the tokens permutes the
     * output rows in the same way ("dog bites man" and "man bites dog" give the same vectors, reordered).
     */
    @TestFactory
    Stream<DynamicTest> selfAttentionIsPermutationEquivariantWithoutPositions() {
        return ForAll.cases(AttentionCase.random(ForAll.seed(), 60, 2), c -> {
            MultiHeadAttention mha = c.layer(naive);
            Tensor x = c.tokens(7, c.tq());                                    // [B, T, D]
            int[] perm = Sequences.shuffled(c.seed(), c.tq());

            Tensor outputThenPermute = Sequences.reorder(mha.selfAttention(x, Mask.none()).output(), perm);
            Tensor permuteThenOutput = mha.selfAttention(Sequences.reorder(x, perm), Mask.none()).output();

            Agreement.assertAgreesUpToRounding("output for the tokens permuted by " + Arrays.toString(perm),
                    permuteThenOutput, outputThenPermute);
        });
    }

    /** With sinusoidal positions added, reversing the tokens changes the vectors, not only their order. */
    @TestFactory
    Stream<DynamicTest> selfAttentionIsNotPermutationEquivariantWithSinusoidalPositions() {
        return ForAll.cases(AttentionCase.random(ForAll.seed(), 60, 2), c -> {
            MultiHeadAttention mha = c.layer(naive);
            SinusoidalPositionalEncoding positions = new SinusoidalPositionalEncoding(c.dModel());
            Tensor x = c.tokens(7, c.tq());
            int[] perm = reversal(c.tq());

            Tensor outputThenPermute = Sequences.reorder(mha.selfAttention(positions.addTo(x), Mask.none()).output(), perm);
            Tensor permuteThenOutput = mha.selfAttention(positions.addTo(Sequences.reorder(x, perm)), Mask.none()).output();

            assertFalse(Agreement.agreesUpToRounding(permuteThenOutput, outputThenPermute),
                    "positions should make the output depend on order");
        });
    }

    /** MultiHead = Concat(head_1..head_h)·W_O with head_i = Attention(Q·W_Q^i, K·W_K^i, V·W_V^i), computed by slicing. */
    @TestFactory
    Stream<DynamicTest> multiHeadOutputEqualsOutputProjectionOfConcatenatedHeads() {
        return ForAll.cases(AttentionCase.random(ForAll.seed(), 60, 1), c -> {
            MultiHeadAttention mha = c.layer(naive);
            Tensor query = c.tokens(1, c.tq());                                // [B, Tq, D]
            Tensor memory = c.tokens(2, c.tk());                               // [B, Tk, D]: cross-attention
            ScaledDotProductAttention attention = new ScaledDotProductAttention(naive);

            List<Tensor> headOutputs = new ArrayList<>();
            for (int h = 0; h < c.heads(); h++) {
                Tensor qh = mha.headQueryProjection(h).apply(naive, query);   // [B, Tq, Dk]
                Tensor kh = mha.headKeyProjection(h).apply(naive, memory);    // [B, Tk, Dk]
                Tensor vh = mha.headValueProjection(h).apply(naive, memory);  // [B, Tk, Dk]
                headOutputs.add(attention.forward(qh, kh, vh).output());      // [B, Tq, Dk]
            }
            Tensor expected = mha.outputProjection().apply(naive, Tensor.concatLast(headOutputs)); // [B, Tq, D]

            AttentionResult actual = mha.forward(query, memory, memory);
            Agreement.assertAgreesUpToRounding("multi-head output", actual.output(), expected);
            assertArrayEquals(new int[] {c.batch(), c.heads(), c.tq(), c.tk()}, actual.weights().shape());
        });
    }

    /** With one head, multi-head attention is scaled dot-product attention on the projections, then W_O. */
    @TestFactory
    Stream<DynamicTest> oneHeadEqualsScaledDotProductAttentionOnTheProjections() {
        return ForAll.cases(AttentionCase.random(ForAll.seed(), 60, 1), c -> {
            int t = c.tq();
            MultiHeadAttention mha = MultiHeadAttention.initialized(naive, c.dModel(), 1, Bias.NONE, c.seed());
            Tensor x = c.tokens(1, t);
            Tensor q = mha.queryProjection().apply(naive, x);
            Tensor k = mha.keyProjection().apply(naive, x);
            Tensor v = mha.valueProjection().apply(naive, x);
            AttentionResult single = new ScaledDotProductAttention(naive).forward(q, k, v);
            Tensor expected = mha.outputProjection().apply(naive, single.output());

            AttentionResult actual = mha.selfAttention(x, Mask.none());
            Agreement.assertAgreesUpToRounding("one head's output", actual.output(), expected);
            Agreement.assertAgreesUpToRounding("one head's weights", actual.weights().reshape(c.batch(), t, t),
                    single.weights());
        });
    }

    /** Every kernel on the class path computes the same multi-head attention as the naive one. */
    @TestFactory
    Stream<DynamicTest> everyKernelAgreesWithNaiveOnMultiHeadAttention() {
        Kernels kernels = Kernels.discover(getClass().getClassLoader(), message -> { });
        assertTrue(kernels.all().size() >= 3, "all kernel plugins should be on the test class path: " + kernels);
        return ForAll.cases(AttentionCase.random(ForAll.seed(), 30, 1), c -> {
            MultiHeadAttention reference = c.layer(naive);
            Tensor x = Tensor.randomNormal(c.seed() + 1, c.batch(), 3 * c.tq() + 1, c.dModel()); // up to 37 tokens
            AttentionResult expected = reference.selfAttention(x, Mask.causal());
            for (Kernel kernel : kernels.all()) {
                MultiHeadAttention mha = new MultiHeadAttention(kernel, c.heads(), reference.queryProjection(),
                        reference.keyProjection(), reference.valueProjection(), reference.outputProjection());
                AttentionResult actual = mha.selfAttention(x, Mask.causal());
                // the same layer on another kernel: equal up to float rounding, the weights by the softmax rule
                Agreement.assertAgreesUpToRounding(kernel.id() + "'s multi-head output", actual.output(), expected.output());
                Agreement.assertSoftmaxAgrees(actual.weights(), expected.weights());
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private static int[] reversal(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = n - 1 - i;
        }
        return p;
    }
}
