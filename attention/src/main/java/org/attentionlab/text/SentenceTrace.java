package org.attentionlab.text;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.attentionlab.api.Mask;
import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionTrace;
import org.attentionlab.attention.MultiHeadAttention;

/**
 * One sentence through self-attention, every step kept: its tokens and their ids, the embeddings,
 * the positional encodings (if any), and the layer's own {@link AttentionTrace}. Immutable; what a
 * tour, a picture or a notebook shows of a sentence.
 *
 * @param tokens     the words, in order ({@code T} of them)
 * @param ids        their vocabulary ids
 * @param embeddings {@code [T, D]}, one row per token
 * @param positions  {@code [T, D]} encodings added to the embeddings, or empty for none
 * @param attention  the layer's trace of self-attention over {@code embeddings + positions}, a batch of one
 */
public record SentenceTrace(List<String> tokens, int[] ids, Tensor embeddings, Optional<Tensor> positions,
                            AttentionTrace attention) {

    public SentenceTrace {
        tokens = List.copyOf(tokens);
        ids = ids.clone();
        Objects.requireNonNull(embeddings, "embeddings");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(attention, "attention");
    }

    /**
     * Runs {@code tokens} through {@code embedding}, {@code positions} (if given) and {@code layer}'s
     * self-attention with {@code mask}.
     *
     * @throws IllegalArgumentException if a token is not in {@code vocabulary}'s range, there are no
     *                                  tokens, or the widths do not match the layer's {@code D}
     */
    public static SentenceTrace of(List<String> tokens, Vocabulary vocabulary, Embedding embedding,
                                   Optional<PositionalEncoding> positions, MultiHeadAttention layer, Mask mask) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(positions, "positions (use Optional.empty())");
        Objects.requireNonNull(layer, "layer");
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("SentenceTrace: no tokens to attend over");
        }
        int[] ids = vocabulary.ids(tokens);
        Tensor x = embedding.lookup(ids);                                          // [T, D]
        Optional<Tensor> pe = positions.map(p -> p.encodings(tokens.size()));      // [T, D]
        Tensor input = pe.map(x::plus).orElse(x).reshape(1, tokens.size(), x.dim(1)); // [B=1, T, D]
        return new SentenceTrace(tokens, ids, x, pe, layer.traceSelfAttention(input, mask));
    }

    /** Head {@code h}'s weights {@code [Tq, Tk]}: row {@code i} is how token {@code i} attends to each token. */
    public Tensor headWeights(int h) {
        return attention.headWeights(0, h);
    }

    /** The layer's output {@code [T, D]}: one context-dependent vector per token. */
    public Tensor output() {
        return attention.output().select(0, 0);
    }
}
