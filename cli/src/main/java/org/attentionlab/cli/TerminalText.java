package org.attentionlab.cli;

/**
 * How a string looks on a terminal: how many cells it takes, and its invisible characters made
 * visible.
 *
 * <p>Columns of a table line up only if their widths are counted in terminal cells, not in
 * Java {@code char}s: a CJK ideograph or an emoji takes two cells (and an emoji outside the
 * Basic Multilingual Plane two {@code char}s), a combining accent none. The JDK has no table of
 * Unicode's East Asian Width; this is the short rule of Markus Kuhn's {@code wcwidth}, written
 * here rather than pulling in ICU4J or JLine for one function. Ambiguous-width characters
 * (Greek, box drawing, the heatmap's shades) count as one cell, as terminals show them outside
 * East Asian locales.
 *
 * <p>A tab, a line break or an escape character in a word would move the cursor or recolour
 * the terminal instead of being seen: {@link #visible} writes them as {@code \t}, {@code \n},
 * {@code \u001B}.
 */
final class TerminalText {

    /** Code point ranges, inclusive, that terminals draw two cells wide. */
    private static final int[][] WIDE = {
        {0x1100, 0x115F},   // Hangul Jamo initial consonants
        {0x231A, 0x231B}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, // watch, hourglass ...
        {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693},
        {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
        {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA},
        {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C},
        {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0},
        {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, // emoji presentation
        {0x2E80, 0x303E},   // CJK radicals, punctuation, ideographic space
        {0x3041, 0x33FF},   // kana, bopomofo, CJK compatibility
        {0x3400, 0x4DBF},   // CJK extension A
        {0x4E00, 0x9FFF},   // CJK unified ideographs
        {0xA000, 0xA4CF},   // Yi
        {0xAC00, 0xD7A3},   // Hangul syllables
        {0xF900, 0xFAFF},   // CJK compatibility ideographs
        {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, // vertical and small forms
        {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, // full-width forms
        {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
        {0x1F200, 0x1F251}, // enclosed ideographic supplement
        {0x1F300, 0x1F64F}, // pictographs, emoticons
        {0x1F680, 0x1F6FF}, // transport and map
        {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, // more emoji
        {0x20000, 0x3FFFD}, // CJK extensions B and beyond
    };

    private TerminalText() {
    }

    /** The number of terminal cells {@code text} takes. */
    static int cells(String text) {
        return text.codePoints().map(TerminalText::cells).sum();
    }

    /** 0 for combining marks and zero-width characters, 2 for wide ones, else 1. */
    static int cells(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || type == Character.CONTROL
                || (codePoint >= 0x1160 && codePoint <= 0x11FF)) { // Hangul vowels and finals join the syllable
            return 0;
        }
        for (int[] range : WIDE) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return 2;
            }
        }
        return 1;
    }

    /** {@code text} if it fits in {@code maxCells}, else its longest start that fits with {@code .} after it. */
    static String cut(String text, int maxCells) {
        if (cells(text) <= maxCells) {
            return text;
        }
        return prefix(text, maxCells - 1) + ".";
    }

    /** The longest start of {@code text} that takes at most {@code maxCells} cells (whole code points). */
    static String prefix(String text, int maxCells) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int width = cells(codePoint);
            if (used + width > maxCells) {
                break;
            }
            used += width;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    /** {@code text} with spaces before it to fill {@code width} cells. */
    static String rightAligned(String text, int width) {
        return " ".repeat(Math.max(0, width - cells(text))) + text;
    }

    /** {@code text} with spaces after it to fill {@code width} cells. */
    static String leftAligned(String text, int width) {
        return text + " ".repeat(Math.max(0, width - cells(text)));
    }

    /**
     * {@code text} with the characters that would act on the terminal instead of showing written
     * as escapes: controls ({@code \t}, {@code \n}, {@code \r}, else {@code \u001B} and so on),
     * line and paragraph separators, and the bidirectional overrides that reorder what follows.
     */
    static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '\t' -> shown.append("\\t");
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                default -> {
                    if (actsOnTheTerminal(codePoint)) {
                        shown.append(String.format("\\u%04X", codePoint));
                    } else {
                        shown.appendCodePoint(codePoint);
                    }
                }
            }
        });
        return shown.toString();
    }

    private static boolean actsOnTheTerminal(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
