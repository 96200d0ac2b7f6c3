package org.attentionlab.pictures;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.attentionlab.api.Tensor;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * A labelled heatmap of one matrix {@code [R, C]}: row {@code i} of the matrix is row {@code i} of
 * the picture, counted from the top as in the matrix, each cell coloured by its value on a fixed
 * {@link ColourRange}, with a colour legend beside it. Drawn by XChart's {@link HeatMapChart}.
 *
 * <p>Immutable: every {@code with...} method returns a new heatmap. For attention weights use
 * {@link AttentionHeatmap}, which names the axes and fixes the range to [0, 1].
 *
 * @param values       the matrix {@code [R, C]}
 * @param rowTitle     the title of the vertical axis (the rows)
 * @param rowLabels    one label per row, top first
 * @param columnTitle  the title of the horizontal axis (the columns)
 * @param columnLabels one label per column, left first
 * @param title        the title above the picture ("" for none)
 * @param range        the values the colour scale spans
 * @param palette      the colours of the scale
 * @param cellValues   whether each cell also shows its value as a number
 * @param width        width in pixels
 * @param height       height in pixels
 */
public record MatrixHeatmap(Tensor values, String rowTitle, List<String> rowLabels, String columnTitle,
                            List<String> columnLabels, String title, ColourRange range, Palette palette,
                            CellValues cellValues, int width, int height) implements Picture {

    /** Whether the number in each cell is printed on it. */
    public enum CellValues { SHOWN, HIDDEN }

    public MatrixHeatmap {
        Objects.requireNonNull(values, "values");
        if (values.rank() != 2 || values.size() == 0) {
            throw new IllegalArgumentException("MatrixHeatmap: needs a non-empty matrix [R, C], got shape "
                    + Arrays.toString(values.shape()));
        }
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if (rowLabels.size() != values.dim(0) || columnLabels.size() != values.dim(1)) {
            throw new IllegalArgumentException("MatrixHeatmap: " + rowLabels.size() + " row labels and "
                    + columnLabels.size() + " column labels for a matrix of shape " + Arrays.toString(values.shape()));
        }
        Objects.requireNonNull(rowTitle, "rowTitle");
        Objects.requireNonNull(columnTitle, "columnTitle");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(palette, "palette");
        Objects.requireNonNull(cellValues, "cellValues");
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("MatrixHeatmap: " + width + " × " + height + " pixels is too small (50 × 50 at least)");
        }
    }

    /**
     * A heatmap of {@code matrix [R, C]} with rows and columns numbered from 0, colours fitted to
     * its values and a size that grows with the matrix.
     */
    public static MatrixHeatmap of(Tensor matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("MatrixHeatmap.of: needs a matrix [R, C], got shape "
                    + Arrays.toString(matrix.shape()));
        }
        int rows = matrix.dim(0);
        int columns = matrix.dim(1);
        return new MatrixHeatmap(matrix, "row", numbers(rows), "column", numbers(columns), "",
                ColourRange.fitted(matrix), Palette.YELLOW_GREEN_BLUE,
                rows * columns <= 256 ? CellValues.SHOWN : CellValues.HIDDEN,
                sizeFor(columns, 40, 260), sizeFor(rows, 32, 160));
    }

    /** 0, 1, ..., n − 1 as labels. */
    static List<String> numbers(int n) {
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add(Integer.toString(i));
        }
        return labels;
    }

    /** Pixels for {@code cells} cells of about {@code perCell} pixels plus the room for axes and legend. */
    private static int sizeFor(int cells, int perCell, int margin) {
        return Math.max(320, Math.min(1600, margin + cells * perCell));
    }

    public MatrixHeatmap withRows(String title, List<String> labels) {
        return new MatrixHeatmap(values, title, labels, columnTitle, columnLabels, this.title, range, palette, cellValues, width, height);
    }

    public MatrixHeatmap withColumns(String title, List<String> labels) {
        return new MatrixHeatmap(values, rowTitle, rowLabels, title, labels, this.title, range, palette, cellValues, width, height);
    }

    public MatrixHeatmap withTitle(String title) {
        return new MatrixHeatmap(values, rowTitle, rowLabels, columnTitle, columnLabels, title, range, palette, cellValues, width, height);
    }

    public MatrixHeatmap withRange(ColourRange range) {
        return new MatrixHeatmap(values, rowTitle, rowLabels, columnTitle, columnLabels, title, range, palette, cellValues, width, height);
    }

    public MatrixHeatmap withPalette(Palette palette) {
        return new MatrixHeatmap(values, rowTitle, rowLabels, columnTitle, columnLabels, title, range, palette, cellValues, width, height);
    }

    public MatrixHeatmap withCellValues(CellValues cellValues) {
        return new MatrixHeatmap(values, rowTitle, rowLabels, columnTitle, columnLabels, title, range, palette, cellValues, width, height);
    }

    public MatrixHeatmap withSize(int width, int height) {
        return new MatrixHeatmap(values, rowTitle, rowLabels, columnTitle, columnLabels, title, range, palette, cellValues, width, height);
    }

    /**
     * The XChart chart this heatmap draws, for styling beyond what this class offers.
     *
     * <p>XChart counts heatmap rows from the bottom; the rows are handed to it in reverse so that the
     * first row of the matrix (the first query) is at the top, as it is printed. Labels that repeat
     * (a word that occurs twice) get invisible padding so that XChart keeps them apart.
     */
    public HeatMapChart chart() {
        Headless.ensure();
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(columnTitle).yAxisTitle(rowTitle).build();
        int rows = values.dim(0);
        int columns = values.dim(1);
        float[][] matrix = values.toMatrix();
        List<Number[]> cells = new ArrayList<>(rows * columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double value = Math.max(range.min(), Math.min(range.max(), matrix[i][j])); // clamp to the scale
                cells.add(new Number[] {j, rows - 1 - i, value});                          // {x, y from the bottom, value}
            }
        }
        List<String> bottomUp = new ArrayList<>(distinct(rowLabels));
        java.util.Collections.reverse(bottomUp);
        chart.addSeries(title.isEmpty() ? "values" : title, distinct(columnLabels), bottomUp, cells);

        HeatMapStyler styler = chart.getStyler();
        styler.setMin(range.min()).setMax(range.max())
                .setRangeColors(palette.colours())
                .setShowValue(cellValues == CellValues.SHOWN)
                .setHeatMapValueDecimalPattern("0.00")
                .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setChartTitleVisible(!title.isEmpty());
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setXAxisLabelRotation(columns > 6 ? 45 : 0);
        styler.setPlotContentSize(1.0);
        return chart;
    }

    /** Labels made unique by appending zero-width spaces to repeats: "the", "the\u200B". */
    private static List<String> distinct(List<String> labels) {
        List<String> unique = new ArrayList<>(labels.size());
        for (String label : labels) {
            String candidate = label;
            while (unique.contains(candidate)) {
                candidate += "\u200B";
            }
            unique.add(candidate);
        }
        return unique;
    }

    @Override
    public BufferedImage image() {
        return BitmapEncoder.getBufferedImage(chart());
    }

    /** One line: what the picture shows and its size (the values are in {@link #values()}). */
    @Override
    public String toString() {
        return "MatrixHeatmap " + Arrays.toString(values.shape()) + (title.isEmpty() ? "" : " '" + title + "'")
                + ", rows: " + rowTitle + ", columns: " + columnTitle + ", " + width + " × " + height + " px";
    }
}
