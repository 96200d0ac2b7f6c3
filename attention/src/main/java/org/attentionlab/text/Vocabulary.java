package org.attentionlab.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Numbers the tokens a model knows. Id 0 is {@value #UNKNOWN}, which stands for every token not
 * in the vocabulary; the others are numbered in the order they were first seen. Immutable and
 * thread-safe.
 */
public final class Vocabulary {

    /** The token every unknown word maps to; its id is {@link #UNKNOWN_ID}. */
    public static final String UNKNOWN = "<unk>";
    public static final int UNKNOWN_ID = 0;

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            map.put(tokens.get(i), i);
        }
        this.ids = Map.copyOf(map);
    }

    /** A vocabulary of {@value #UNKNOWN} followed by the distinct {@code tokens} in first-seen order. */
    public static Vocabulary of(Collection<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        List<String> ordered = new ArrayList<>();
        ordered.add(UNKNOWN);
        for (String token : tokens) {
            Objects.requireNonNull(token, "token");
            if (!ordered.contains(token)) {
                ordered.add(token);
            }
        }
        return new Vocabulary(ordered);
    }

    /** A vocabulary of every token of the given texts, split by {@code tokenizer}. */
    public static Vocabulary fromTexts(WhitespaceTokenizer tokenizer, String... texts) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        List<String> all = new ArrayList<>();
        for (String text : texts) {
            all.addAll(tokenizer.tokenize(text));
        }
        return of(all);
    }

    /** Number of ids, including {@value #UNKNOWN}. */
    public int size() {
        return tokens.size();
    }

    /** The id of {@code token}, or {@link #UNKNOWN_ID} if it is not in the vocabulary. */
    public int id(String token) {
        Objects.requireNonNull(token, "token");
        return ids.getOrDefault(token, UNKNOWN_ID);
    }

    /** The ids of {@code tokens}, in order. */
    public int[] ids(List<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        return tokens.stream().mapToInt(this::id).toArray();
    }

    /** The token with this id. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("Vocabulary: id " + id + " is outside 0.." + (tokens.size() - 1));
        }
        return tokens.get(id);
    }

    /** All tokens, by id. */
    public List<String> tokens() {
        return tokens;
    }

    @Override
    public String toString() {
        return "Vocabulary" + tokens;
    }
}
