package org.attentionlab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines of at most a given number of terminal cells ({@link TerminalText#cells}),
 * at spaces, but not inside square brackets, so a shape such as {@code [T=11, D=8]} stays on one
 * line. A word longer than a whole line is split where the line ends, so that no line is ever
 * wider than asked. Continuation lines can hang under the first one's text.
 */
final class LineWrap {

    private LineWrap() {
    }

    /** {@code text} in lines of at most {@code width} cells, broken at spaces. */
    static List<String> lines(String text, int width) {
        return lines(text, width, 0);
    }

    /**
     * {@code text} in lines of at most {@code width} cells; every line after the first starts
     * with {@code hang} spaces. The spaces between words that stay on one line are kept as they
     * are (aligned columns stay aligned), those where a line breaks are dropped.
     */
    static List<String> lines(String text, int width, int hang) {
        if (width < hang + 2) {
            throw new IllegalArgumentException("LineWrap: width " + width + " leaves no room after a hang of " + hang);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean fresh = true; // nothing but the hang on the line yet
        for (String[] piece : pieces(text.stripTrailing())) {
            String gap = piece[0];
            String word = piece[1];
            if (!fresh && TerminalText.cells(line + gap + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(" ".repeat(hang));
                fresh = true;
                gap = "";
            }
            line.append(gap);
            String rest = word;
            while (TerminalText.cells(line + rest) > width) {
                String part = TerminalText.prefix(rest, width - TerminalText.cells(line.toString()));
                lines.add(line.append(part).toString().stripTrailing());
                line.setLength(0);
                line.append(" ".repeat(hang));
                rest = rest.substring(part.length());
            }
            line.append(rest);
            fresh = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /** The words of {@code text}, each with the spaces before it: {@code {gap, word}}; brackets keep their spaces. */
    private static List<String[]> pieces(String text) {
        List<String[]> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int wordStart = i;
            while (wordStart < text.length() && text.charAt(wordStart) == ' ') {
                wordStart++;
            }
            int end = wordStart;
            int depth = 0;
            while (end < text.length() && (depth > 0 || text.charAt(end) != ' ')) {
                char c = text.charAt(end);
                depth += c == '[' ? 1 : c == ']' && depth > 0 ? -1 : 0;
                end++;
            }
            pieces.add(new String[] {text.substring(i, wordStart), text.substring(wordStart, end)});
            i = end;
        }
        return pieces;
    }
}
