package org.attentionlab.cli;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionSteps;
import org.attentionlab.attention.Bias;
import org.attentionlab.attention.MultiHeadAttention;
import org.attentionlab.text.Embedding;
import org.attentionlab.text.SentenceTrace;
import org.attentionlab.text.Vocabulary;
import org.attentionlab.text.WhitespaceTokenizer;

/**
 * One sentence through a seeded multi-head layer, every step kept by the layer itself
 * ({@link SentenceTrace}), so the tour prints what the layer computed: head 0 is followed in
 * detail, read out of the layer's trace rather than recomputed beside it.
 *
 * <p>Only the embeddings and the weight matrices are random (an untrained model); both come from
 * the one seed, so the same seed always gives the same tour.
 */
final class SentenceAttention {

    /** The head the tour follows step by step. */
    static final int HEAD = 0;

    private final Vocabulary vocabulary;
    private final MultiHeadAttention layer;
    private final SentenceTrace trace;   // tokens, x [T, D], and the layer's AttentionTrace (a batch of one)
    private final Tensor scores;         // S^0 [Tq, Tk] = Q^0·K^0ᵀ / √d_k, derived from the trace once

    private SentenceAttention(Kernel kernel, List<String> tokens, int dModel, int heads, long seed) {
        this.vocabulary = Vocabulary.of(tokens);
        // Two independent streams from one seed, so the embeddings and the weights are not the same numbers.
        SplittableRandom seeds = new SplittableRandom(seed);
        Embedding embedding = Embedding.random(vocabulary.size(), dModel, seeds.nextLong());
        this.layer = MultiHeadAttention.initialized(kernel, dModel, heads, Bias.NONE, seeds.nextLong());
        this.trace = SentenceTrace.of(tokens, vocabulary, embedding, Optional.empty(), layer, Mask.none());
        this.scores = followed(steps().scaledScores());                     // [1, H, Tq, Tk] -> [Tq, Tk]
    }

    /**
     * Runs the sentence's tokens through a seeded random embedding and multi-head layer.
     *
     * @throws IllegalArgumentException if the sentence has no tokens or {@code dModel} is not a
     *                                  positive multiple of {@code heads}
     */
    static SentenceAttention compute(Kernel kernel, String sentence, int dModel, int heads, long seed) {
        List<String> tokens = new WhitespaceTokenizer().tokenize(sentence);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the sentence has no words to attend over: '" + sentence + "'");
        }
        return new SentenceAttention(kernel, tokens, dModel, heads, seed);
    }

    /** The words, lower-cased, in order. */
    List<String> tokens() {
        return trace.tokens();
    }

    /** The vocabulary id of each token. */
    int[] ids() {
        return trace.ids();
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    MultiHeadAttention layer() {
        return layer;
    }

    /** Everything the layer computed for the sentence. */
    SentenceTrace trace() {
        return trace;
    }

    /** x: {@code [T, D]}, one embedding row per token. */
    Tensor embeddings() {
        return trace.embeddings();
    }

    /** Q of head 0 as the layer projected and split it: {@code [T, Dk]}. */
    Tensor queries() {
        return followed(steps().query());
    }

    /** K of head 0: {@code [T, Dk]}. */
    Tensor keys() {
        return followed(steps().key());
    }

    /** V of head 0: {@code [T, Dk]}. */
    Tensor values() {
        return followed(steps().value());
    }

    /** Q·Kᵀ/√d_k of head 0: {@code [Tq, Tk]}. */
    Tensor scores() {
        return scores;
    }

    /** The layer's softmax of the scores of head 0, row by row: {@code [Tq, Tk]}. */
    Tensor weights() {
        return layerWeights(HEAD);
    }

    /** The output of head 0 before the heads are joined: {@code [T, Dk]}, row i = Σ_j weights[i, j]·V[j]. */
    Tensor headOutput() {
        return followed(steps().output());
    }

    /** The weights the multi-head layer used in {@code head}: {@code [Tq, Tk]}. */
    Tensor layerWeights(int head) {
        return trace.headWeights(head);
    }

    /** The output of the multi-head layer, Concat(head_0, ..., head_H-1)·W_O: {@code [T, D]}. */
    Tensor output() {
        return trace.output();
    }

    /** The query the tour looks at closely: the first "it" if there is one, else the last word. */
    int focus() {
        int it = tokens().indexOf("it");
        return it >= 0 ? it : tokens().size() - 1;
    }

    /** The key that query {@code query} gives the largest weight in head 0 (the first if tied). */
    int strongestKey(int query) {
        float[] row = weights().toMatrix()[query];
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }

    /** Every head's steps, {@code [1, H, T, ·]}. */
    private AttentionSteps steps() {
        return trace.attention().heads();
    }

    /** Head {@value #HEAD} of the only sequence: {@code [1, H, T, C] -> [T, C]}. */
    private static Tensor followed(Tensor perHead) {
        return perHead.select(0, 0).select(0, HEAD);
    }
}
