package org.attentionlab.cli;

import java.io.PrintWriter;

/** How a step of the tour is headed: a blank line, then {@code ── 3. Title ─────}, as wide as the tables. */
final class SectionTitle {

    private static final int WIDTH = 100;

    private SectionTitle() {
    }

    static void print(PrintWriter out, int step, String title) {
        String text = "── " + step + ". " + title + " ";
        out.println();
        out.println(text + "─".repeat(Math.max(3, WIDTH - text.length())));
    }
}
