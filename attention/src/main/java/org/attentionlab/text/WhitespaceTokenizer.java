package org.attentionlab.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The simplest tokenizer that shows the idea: lower-case the text and split it at white space.
 * Punctuation stays attached to its word ({@code "tired."} is one token). Real models use
 * sub-word tokenizers (BPE, WordPiece); for learning attention, words are easier to read.
 * Stateless and thread-safe.
 *
 * <p>White space is every character with Unicode's {@code White_Space} property: the ASCII
 * spaces, tabs and line breaks, and also the no-break spaces (U+00A0, U+2007, U+202F), the
 * ideographic space (U+3000) and the other typographic spaces. Java's {@code \s} and
 * {@link Character#isWhitespace} each leave some of those inside words. Zero-width characters
 * (such as U+200B) are not white space in Unicode and stay inside their word.
 */
public final class WhitespaceTokenizer {

    /** One or more Unicode white-space characters. */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}+");

    /** The tokens of {@code text}, in order; an empty or blank text has none. */
    public List<String> tokenize(String text) {
        Objects.requireNonNull(text, "text");
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(WHITE_SPACE.split(lower)).filter(word -> !word.isEmpty()).toList();
    }
}
