package org.attentionlab.cli;

import java.io.PrintWriter;

/**
 * Where the tour writes: every line indented by the same margin and no wider than the terminal.
 * Prose is wrapped at spaces to at most {@value #PROSE_WIDTH} columns (or the terminal's width,
 * if narrower), because longer lines are hard to read however wide the terminal is; tables use
 * the whole width and are folded beyond it ({@link LabelledTable#lines(int)}).
 */
final class TourPage {

    /** The width the tour assumes when the terminal's is not known, and the widest prose gets. */
    static final int PROSE_WIDTH = 80;
    /** The narrowest terminal the tour is laid out for. */
    static final int MIN_WIDTH = 60;
    /** Spaces before every line of a step. */
    private static final int MARGIN = 3;

    private final PrintWriter out;
    private final int width;

    /** @param width the terminal's width in columns, at least {@value #MIN_WIDTH} */
    TourPage(PrintWriter out, int width) {
        if (width < MIN_WIDTH) {
            throw new IllegalArgumentException("TourPage: width " + width + " is below " + MIN_WIDTH);
        }
        this.out = out;
        this.width = width;
    }

    /** A blank line, then {@code ── 3. Title ─────} as wide as the prose. */
    void title(int step, String title) {
        String text = "── " + step + ". " + title + " ";
        out.println();
        int line = proseWidth();
        if (TerminalText.cells(text) + 3 > line) {
            LineWrap.lines(text.strip(), line).forEach(out::println);
            out.println("─".repeat(line));
        } else {
            out.println(text + "─".repeat(line - TerminalText.cells(text)));
        }
    }

    /**
     * One paragraph (or one line) of prose after the margin, wrapped if it is too long; the lines
     * after the first hang under its text, indented as the text itself starts.
     */
    void say(String text) {
        say(text, text.length() - text.stripLeading().length());
    }

    /** {@link #say(String)} with the lines after the first indented by {@code hang} spaces. */
    void say(String text, int hang) {
        LineWrap.lines(text, proseWidth() - MARGIN, hang).forEach(line -> out.println(margin(line)));
    }

    /** A line without the margin (the tour's first and last lines), wrapped like prose. */
    void headline(String text) {
        LineWrap.lines(text, proseWidth()).forEach(out::println);
    }

    /** A table after the margin, folded to the terminal's width. */
    void table(LabelledTable table) {
        table.lines(width - MARGIN).forEach(line -> out.println(margin(line)));
    }

    void blank() {
        out.println();
    }

    private int proseWidth() {
        return Math.min(width, PROSE_WIDTH);
    }

    private static String margin(String line) {
        return line.isEmpty() ? "" : " ".repeat(MARGIN) + line;
    }
}
