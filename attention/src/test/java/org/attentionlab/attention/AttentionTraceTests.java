package org.attentionlab.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.junit.jupiter.api.Test;

/** The trace is what the layer computed: the same weights and output as forward, and steps that fit together. */
class AttentionTraceTests {

    private final NaiveKernel naive = new NaiveKernel();
    private final MultiHeadAttention mha = MultiHeadAttention.initialized(naive, 8, 2, Bias.ZEROS, 7);

    @Test
    void traceHoldsExactlyWhatForwardReturns() {
        Tensor x = Tensor.randomNormal(1, 2, 5, 8);    // [B=2, T=5, D=8]
        Mask mask = Mask.causal().and(Mask.keyPadding(5, 3));

        AttentionTrace trace = mha.traceSelfAttention(x, mask);
        AttentionResult result = mha.selfAttention(x, mask);

        assertEquals(result.output(), trace.output());
        assertEquals(result.weights(), trace.heads().weights());
        assertEquals(2, trace.numHeads());
        assertArrayEquals(new int[] {2, 2, 5, 4}, trace.heads().query().shape());
        assertArrayEquals(new int[] {2, 5, 8}, trace.concatenated().shape());
        assertEquals(mha.queryProjection().apply(naive, x), trace.projectedQuery());
        assertEquals(mha.outputProjection().apply(naive, trace.concatenated()), trace.output());
    }

    @Test
    void theStepsOfAQueryRowFitTogether() {
        Tensor x = Tensor.randomNormal(2, 1, 4, 8);
        AttentionSteps steps = mha.traceSelfAttention(x, Mask.causal()).heads();
        QueryRowSteps row = steps.queryRow(0, 1, 2);   // sequence 0, head 1, query 2

        assertEquals(4, row.raw().length);
        for (int j = 0; j < 4; j++) {
            assertEquals(row.raw()[j] * steps.scale(), row.scaled()[j]);
            assertEquals(j <= 2, row.allowed()[j], "causal: query 2 sees keys 0..2");
            assertEquals(row.exponentials()[j] / row.sum(), row.weights()[j], 1e-6);
        }
        assertEquals(Float.NEGATIVE_INFINITY, row.masked()[3]);
        assertEquals(0.0, row.exponentials()[3]);
        assertEquals(0.0, row.shifted()[argmax(row.scaled(), 3)], "the largest allowed score is shifted to 0");
        assertEquals(steps.weights().get(0, 1, 2, 0), row.weights()[0]);
        assertEquals(steps.output().get(0, 1, 2, 3), row.output()[3]);
        assertEquals(Float.NEGATIVE_INFINITY, steps.maskedScores().get(0, 1, 2, 3));
        assertEquals(steps.scaledScores().get(0, 1, 2, 1), steps.maskedScores().get(0, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> steps.queryRow(0, 1));
    }

    private static int argmax(float[] x, int end) {
        int best = 0;
        for (int j = 1; j < end; j++) {
            if (x[j] > x[best]) {
                best = j;
            }
        }
        return best;
    }

    @Test
    void scaledDotProductAttentionTracesItsSteps() {
        var attention = new ScaledDotProductAttention(naive);
        Tensor q = Tensor.randomNormal(3, 3, 4);
        Tensor kv = Tensor.randomNormal(4, 5, 4);
        AttentionSteps steps = attention.trace(q, kv, kv, Mask.none());

        assertEquals(attention.forward(q, kv, kv).weights(), steps.weights());
        assertTrue(steps.scaledScores().allClose(attention.scores(q, kv), 0, 0));
        assertEquals(0.5f, steps.scale());
    }

    @Test
    void averageOverHeadsIsTheMeanOfTheHeadsWeights() {
        Tensor x = Tensor.randomNormal(5, 1, 3, 8);
        AttentionTrace trace = mha.traceSelfAttention(x, Mask.none());
        Tensor average = trace.averageWeights();

        assertArrayEquals(new int[] {1, 3, 3}, average.shape());
        float expected = (trace.headWeights(0, 0).get(1, 2) + trace.headWeights(0, 1).get(1, 2)) / 2;
        assertEquals(expected, average.get(0, 1, 2), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> MultiHeadAttention.averageOverHeads(Tensor.zeros(3, 3)));
    }

    @Test
    void aSentenceTraceKeepsTokensEmbeddingsPositionsAndTheLayersTrace() {
        var tokenizer = new org.attentionlab.text.WhitespaceTokenizer();
        var tokens = tokenizer.tokenize("dog bites man");
        var vocabulary = org.attentionlab.text.Vocabulary.of(tokens);
        var embedding = org.attentionlab.text.Embedding.random(vocabulary.size(), 8, 1);
        var positions = new org.attentionlab.position.SinusoidalPositionalEncoding(8);

        var trace = org.attentionlab.text.SentenceTrace.of(tokens, vocabulary, embedding,
                java.util.Optional.of(positions), mha, Mask.none());

        assertEquals(java.util.List.of("dog", "bites", "man"), trace.tokens());
        assertEquals(embedding.lookup(vocabulary.ids(tokens)), trace.embeddings());
        assertEquals(positions.encodings(3), trace.positions().orElseThrow());
        Tensor input = positions.addTo(trace.embeddings()).reshape(1, 3, 8);
        assertEquals(mha.selfAttention(input, Mask.none()).output().select(0, 0), trace.output());
        assertArrayEquals(new int[] {3, 3}, trace.headWeights(1).shape());
    }
}
