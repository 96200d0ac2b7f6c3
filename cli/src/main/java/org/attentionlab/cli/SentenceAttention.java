package org.attentionlab.cli;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.Bias;
import org.attentionlab.attention.MultiHeadAttention;
import org.attentionlab.attention.ScaledDotProductAttention;
import org.attentionlab.text.Embedding;
import org.attentionlab.text.Vocabulary;
import org.attentionlab.text.WhitespaceTokenizer;

/**
 * Everything the tour computes for one sentence, from the words to the multi-head output, kept
 * so that each step can be printed and checked. Head 0 is followed in detail; the layer itself
 * runs all heads at once.
 *
 * <p>Only the embeddings and the weight matrices are random (an untrained model); both come from
 * the one seed, so the same seed always gives the same tour.
 */
final class SentenceAttention {

    /** The head the tour follows step by step. */
    static final int HEAD = 0;

    private final List<String> tokens;
    private final int[] ids;
    private final Vocabulary vocabulary;
    private final MultiHeadAttention layer;
    private final Tensor embeddings;     // x       [T, D]
    private final Tensor queries;        // Q^0     [T, Dk]
    private final Tensor keys;           // K^0     [T, Dk]
    private final Tensor values;         // V^0     [T, Dk]
    private final Tensor scores;         // S^0     [Tq, Tk] = Q^0·K^0ᵀ / √d_k
    private final Tensor weights;        // A^0     [Tq, Tk] = softmax(S^0) row by row
    private final Tensor headOutput;     // head_0  [T, Dk]  = A^0·V^0
    private final AttentionResult layerResult; // output [1, T, D], weights [1, H, Tq, Tk]

    private SentenceAttention(Kernel kernel, List<String> tokens, int dModel, int heads, long seed) {
        this.tokens = List.copyOf(tokens);
        this.vocabulary = Vocabulary.of(tokens);
        this.ids = vocabulary.ids(tokens);
        // Two independent streams from one seed, so the embeddings and the weights are not the same numbers.
        SplittableRandom seeds = new SplittableRandom(seed);
        Embedding embedding = Embedding.random(vocabulary.size(), dModel, seeds.nextLong());
        this.layer = MultiHeadAttention.initialized(kernel, dModel, heads, Bias.NONE, seeds.nextLong());

        this.embeddings = embedding.lookup(ids);                                 // [T, D]
        this.queries = layer.headQueryProjection(HEAD).apply(kernel, embeddings); // [T, D]·[D, Dk] -> [T, Dk]
        this.keys = layer.headKeyProjection(HEAD).apply(kernel, embeddings);
        this.values = layer.headValueProjection(HEAD).apply(kernel, embeddings);

        ScaledDotProductAttention attention = new ScaledDotProductAttention(kernel);
        this.scores = attention.scores(queries, keys);   // [Tq, Tk], the step before the softmax, to show it
        AttentionResult head = attention.forward(queries, keys, values);
        this.weights = head.weights();
        this.headOutput = head.output();

        int t = tokens.size();
        this.layerResult = layer.selfAttention(embeddings.reshape(1, t, dModel), Mask.none()); // a batch of one
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
        return tokens;
    }

    /** The vocabulary id of each token. */
    int[] ids() {
        return ids.clone();
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    MultiHeadAttention layer() {
        return layer;
    }

    /** x: {@code [T, D]}, one embedding row per token. */
    Tensor embeddings() {
        return embeddings;
    }

    /** Q of head 0: {@code [T, Dk]}. */
    Tensor queries() {
        return queries;
    }

    /** K of head 0: {@code [T, Dk]}. */
    Tensor keys() {
        return keys;
    }

    /** V of head 0: {@code [T, Dk]}. */
    Tensor values() {
        return values;
    }

    /** Q·Kᵀ/√d_k of head 0: {@code [Tq, Tk]}. */
    Tensor scores() {
        return scores;
    }

    /** softmax of the scores of head 0, row by row: {@code [Tq, Tk]}. */
    Tensor weights() {
        return weights;
    }

    /** The output of head 0 before the heads are joined: {@code [T, Dk]}, row i = Σ_j weights[i, j]·V[j]. */
    Tensor headOutput() {
        return headOutput;
    }

    /** The weights the multi-head layer used in {@code head}: {@code [Tq, Tk]}. */
    Tensor layerWeights(int head) {
        int t = tokens.size();
        float[] all = layerResult.weights().toArray(); // [1, H, Tq, Tk]: head h starts at h·T·T
        return Tensor.fromArray(Arrays.copyOfRange(all, head * t * t, (head + 1) * t * t), t, t);
    }

    /** The output of the multi-head layer, Concat(head_0, ..., head_H-1)·W_O: {@code [T, D]}. */
    Tensor output() {
        return layerResult.output().reshape(tokens.size(), layer.dModel());
    }

    /** The query the tour looks at closely: the first "it" if there is one, else the last word. */
    int focus() {
        int it = tokens.indexOf("it");
        return it >= 0 ? it : tokens.size() - 1;
    }

    /** The key that query {@code query} gives the largest weight in head 0 (the first if tied). */
    int strongestKey(int query) {
        float[] row = weights.toMatrix()[query];
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
