package org.attentionlab.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;

/**
 * Writes the tour's few non-ASCII symbols as plain ASCII, for terminals whose encoding cannot
 * show them (they would print {@code ?} instead): {@code Q·Kᵀ/√d_k} becomes {@code Q*K^T/sqrt d_k}
 * and the heatmap's shades {@code ░▒▓█} become {@code .:+#}. Every other character passes
 * through unchanged, so the tour is written once, in Unicode, and this is its only fallback.
 */
final class AsciiFallback extends FilterWriter {

    private static final Map<Character, String> REPLACEMENTS = Map.ofEntries(
            Map.entry('·', "*"), Map.entry('ᵀ', "^T"), Map.entry('√', "sqrt "), Map.entry('≈', "~"),
            Map.entry('Σ', "sum "), Map.entry('…', "..."), Map.entry('×', "x"), Map.entry('—', "-"),
            Map.entry('–', "-"), Map.entry('─', "-"), Map.entry('≥', ">="), Map.entry('≤', "<="),
            Map.entry('→', "->"), Map.entry('²', "^2"), Map.entry('“', "\""), Map.entry('”', "\""),
            // heatmap shades, emptiest to fullest; each stays one character wide so columns line up
            Map.entry('░', "."), Map.entry('▒', ":"), Map.entry('▓', "+"), Map.entry('█', "#"));

    AsciiFallback(Writer out) {
        super(out);
    }

    /** True if {@code charset} cannot encode every symbol the tour uses, so this fallback is needed. */
    static boolean isNeededFor(Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        return !REPLACEMENTS.keySet().stream().allMatch(encoder::canEncode);
    }

    /** The ASCII spelling of {@code text}. */
    static String transliterate(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            ascii.append(REPLACEMENTS.getOrDefault(c, String.valueOf(c)));
        }
        return ascii.toString();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(transliterate(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        out.write(transliterate(new String(chars, offset, length)));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(transliterate(text.substring(offset, offset + length)));
    }
}
