package org.attentionlab.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Numbers the tokens a model knows. Id 0 stands for every token not in the vocabulary and is
 * written {@value #UNKNOWN}; the known tokens get ids 1, 2, ... in the order they were first seen.
 * Immutable and thread-safe.
 *
 * <p>Id 0 is a reserved slot, not an entry for the word {@value #UNKNOWN}: a text that contains
 * the word {@code <unk>} gets it its own id like any other word, so it neither takes the unknown
 * id nor goes missing from the count of distinct words ({@link #size()} − 1).
 */
public final class Vocabulary {

    /** How the unknown-word id {@link #UNKNOWN_ID} is written. */
    public static final String UNKNOWN = "<unk>";
    public static final int UNKNOWN_ID = 0;

    /** The known tokens: the id of a token is its index here plus one. */
    private final List<String> known;
    private final Map<String, Integer> ids;

    /** @param inIdOrder the known tokens with their ids, iterated in id order */
    private Vocabulary(LinkedHashMap<String, Integer> inIdOrder) {
        this.known = List.copyOf(inIdOrder.keySet());
        this.ids = Map.copyOf(inIdOrder);
    }

    /** A vocabulary of the distinct {@code tokens} in first-seen order, after the unknown-word id 0. */
    public static Vocabulary of(Collection<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        LinkedHashMap<String, Integer> ids = new LinkedHashMap<>();
        for (String token : tokens) {
            Objects.requireNonNull(token, "token");
            ids.putIfAbsent(token, UNKNOWN_ID + 1 + ids.size());
        }
        return new Vocabulary(ids);
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

    /** Number of ids: the distinct known tokens plus the unknown-word id. */
    public int size() {
        return known.size() + 1;
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

    /** The token with this id; {@value #UNKNOWN} for {@link #UNKNOWN_ID}. */
    public String token(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("Vocabulary: id " + id + " is outside 0.." + (size() - 1));
        }
        return id == UNKNOWN_ID ? UNKNOWN : known.get(id - 1);
    }

    /** All tokens, by id, starting with {@value #UNKNOWN} for id 0. */
    public List<String> tokens() {
        List<String> all = new ArrayList<>(size());
        all.add(UNKNOWN);
        all.addAll(known);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "Vocabulary" + tokens();
    }
}
