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
 * <p>Columns are at least {@value #MIN_CELL_WIDTH} terminal cells wide, enough for
 * {@code -1.2345} and most words. Labels longer than {@value #MAX_CELL_WIDTH} cells are cut,
 * ending in {@code .}. Widths are counted in terminal cells ({@link TerminalText#cells}), so a
 * CJK word or an emoji keeps its column in line. Row labels are never cut: keep them short
 * (the tour's are a position and a word cut like a column label, {@link #cut(String)}).
 *
 * <p>A table wider than the terminal is folded, the way NumPy prints a wide array: the columns
 * that fit come first, each further group of columns follows under its own header with the row
 * labels repeated, so every number is still printed and no line is wider than asked.
 */
final class LabelledTable {

    static final int MIN_CELL_WIDTH = 7;
    static final int MAX_CELL_WIDTH = 10;

    private final String corner;
    private final List<String> rowLabels;
    private final List<String> columnLabels;
    private final String[][] texts;   // [rows][columns]
    private final int cellWidth;
    private final int labelWidth;

    private LabelledTable(String corner, List<String> rowLabels, List<String> columnLabels,
                          BiFunction<Integer, Integer, String> cell) {
        this.corner = corner;
        this.rowLabels = List.copyOf(rowLabels);
        this.columnLabels = List.copyOf(columnLabels);
        int rows = rowLabels.size();
        int columns = columnLabels.size();
        this.texts = new String[rows][columns];
        int width = MIN_CELL_WIDTH;
        for (String label : columnLabels) {
            width = Math.max(width, Math.min(TerminalText.cells(label), MAX_CELL_WIDTH));
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                texts[r][c] = cell.apply(r, c);
                width = Math.max(width, TerminalText.cells(texts[r][c]));
            }
        }
        this.cellWidth = width;
        this.labelWidth = Math.max(TerminalText.cells(corner),
                this.rowLabels.stream().mapToInt(TerminalText::cells).max().orElse(0));
    }

    /** {@code values [rows, columns]} with {@code decimals} digits after the point. */
    static LabelledTable numbers(List<String> rowLabels, List<String> columnLabels, float[][] values, int decimals) {
        String format = "%." + decimals + "f";
        return cells(rowLabels, columnLabels, (row, column) -> String.format(Locale.ROOT, format, values[row][column]));
    }

    /**
     * Any grid of short texts, right-aligned in equal columns: {@code cell.apply(row, column)}
     * gives the text of one cell.
     */
    static LabelledTable cells(List<String> rowLabels, List<String> columnLabels,
                               BiFunction<Integer, Integer, String> cell) {
        return cells("", rowLabels, columnLabels, cell);
    }

    /** {@link #cells(List, List, BiFunction)} with {@code corner} above the row labels, naming the columns. */
    static LabelledTable cells(String corner, List<String> rowLabels, List<String> columnLabels,
                               BiFunction<Integer, Integer, String> cell) {
        return new LabelledTable(corner, rowLabels, columnLabels, cell);
    }

    /** The whole table, one line per row under one header, however wide. */
    List<String> lines() {
        return lines(Integer.MAX_VALUE);
    }

    /**
     * The table in lines of at most {@code width} cells: folded into groups of columns, one
     * after the other with a blank line between them, if it is wider (at least one column per
     * group, so a width narrower than one column and the labels is exceeded by that column).
     */
    List<String> lines(int width) {
        int columns = columnLabels.size();
        int perGroup = columns == 0 ? 1 : Math.max(1, Math.min(columns, (width - labelWidth) / (cellWidth + 1)));
        List<String> lines = new ArrayList<>();
        for (int first = 0; first < Math.max(columns, 1); first += perGroup) {
            if (first > 0) {
                lines.add("");
            }
            lines.addAll(group(first, Math.min(columns, first + perGroup)));
        }
        return lines;
    }

    /** Header and rows of the columns {@code [from, to)}. */
    private List<String> group(int from, int to) {
        List<String> lines = new ArrayList<>(rowLabels.size() + 1);
        StringBuilder header = new StringBuilder(TerminalText.leftAligned(corner, labelWidth));
        for (String label : columnLabels.subList(from, to)) {
            header.append(' ').append(TerminalText.rightAligned(TerminalText.cut(label, cellWidth), cellWidth));
        }
        lines.add(header.toString());
        for (int r = 0; r < rowLabels.size(); r++) {
            StringBuilder line = new StringBuilder(TerminalText.leftAligned(rowLabels.get(r), labelWidth));
            for (int c = from; c < to; c++) {
                line.append(' ').append(TerminalText.rightAligned(texts[r][c], cellWidth));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** {@code text} cut to the widest column a label gets, as column labels are. */
    static String cut(String text) {
        return TerminalText.cut(text, MAX_CELL_WIDTH);
    }
}
