package org.attentionlab.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The simplest tokenizer that shows the idea: lower-case the text and split it at white space.
 * Punctuation stays attached to its word ({@code "tired."} is one token). Real models use
 * sub-word tokenizers (BPE, WordPiece); for learning attention, words are easier to read.
 * Stateless and thread-safe.
 */
public final class WhitespaceTokenizer {

    /** The tokens of {@code text}, in order; an empty or blank text has none. */
    public List<String> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
