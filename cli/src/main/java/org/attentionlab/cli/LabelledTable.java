package org.attentionlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A matrix printed with a label for every row and column, e.g. attention weights
 * {@code [Tq, Tk]} with the query words down the side and the key words across the top:
 *
 * <pre>
 *               the  animal  didn't
 *    0 the    0.093   0.120   0.081
 *    1 animal 0.104   0.077   0.095
 * </pre>
 *
 * <p>Columns are at least {@value #MIN_CELL_WIDTH} characters wide, enough for
 * {@code -1.2345} and most words, so a sentence of a dozen words fits a 120-column terminal.
 * Longer column labels are cut, ending in {@code .}; row labels are never cut.
 */
final class LabelledTable {

    static final int MIN_CELL_WIDTH = 7;
    private static final int MAX_CELL_WIDTH = 10;

    private LabelledTable() {
    }

    /** {@code values [rows, columns]} with {@code decimals} digits after the point. */
    static List<String> numbers(List<String> rowLabels, List<String> columnLabels, float[][] values, int decimals) {
        String format = "%." + decimals + "f";
        return cells(rowLabels, columnLabels, (row, column) -> String.format(Locale.ROOT, format, values[row][column]));
    }

    /**
     * Any grid of short texts, right-aligned in equal columns: {@code cell.apply(row, column)}
     * gives the text of one cell.
     */
    static List<String> cells(List<String> rowLabels, List<String> columnLabels,
                              BiFunction<Integer, Integer, String> cell) {
        return cells("", rowLabels, columnLabels, cell);
    }

    /** {@link #cells(List, List, BiFunction)} with {@code corner} above the row labels, naming the columns. */
    static List<String> cells(String corner, List<String> rowLabels, List<String> columnLabels,
                              BiFunction<Integer, Integer, String> cell) {
        int rows = rowLabels.size();
        int columns = columnLabels.size();
        String[][] texts = new String[rows][columns];
        int width = MIN_CELL_WIDTH;
        for (String label : columnLabels) {
            width = Math.max(width, Math.min(label.length(), MAX_CELL_WIDTH));
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                texts[r][c] = cell.apply(r, c);
                width = Math.max(width, texts[r][c].length());
            }
        }
        int labelWidth = Math.max(corner.length(), rowLabels.stream().mapToInt(String::length).max().orElse(0));

        List<String> lines = new ArrayList<>(rows + 1);
        StringBuilder header = new StringBuilder(leftAligned(corner, labelWidth));
        for (String label : columnLabels) {
            header.append(' ').append(rightAligned(cut(label, width), width));
        }
        lines.add(header.toString());
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder(leftAligned(rowLabels.get(r), labelWidth));
            for (int c = 0; c < columns; c++) {
                line.append(' ').append(rightAligned(texts[r][c], width));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** {@code text} cut to the widest column a label gets, as column labels are. */
    static String cut(String text) {
        return cut(text, MAX_CELL_WIDTH);
    }

    private static String cut(String label, int width) {
        return label.length() <= width ? label : label.substring(0, width - 1) + ".";
    }

    private static String rightAligned(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String leftAligned(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
