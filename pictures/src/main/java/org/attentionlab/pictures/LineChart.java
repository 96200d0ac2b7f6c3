package org.attentionlab.pictures;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of one or more named series against a shared x axis, e.g. milliseconds against
 * sequence length T, one line per kernel. Drawn by XChart's {@link XYChart}.
 *
 * <p>Immutable: {@link #withSeries} and the other {@code with...} methods return a new chart.
 *
 * @param title  the title above the chart
 * @param xTitle the title of the horizontal axis
 * @param yTitle the title of the vertical axis
 * @param series the lines, in the order they are drawn and listed in the legend
 * @param scale  whether the axes are linear or logarithmic
 * @param width  width in pixels
 * @param height height in pixels
 */
public record LineChart(String title, String xTitle, String yTitle, List<Series> series, AxisScale scale,
                        int width, int height) implements Picture {

    /** Linear axes, or both axes logarithmic (a power law T^p is then a straight line of slope p). */
    public enum AxisScale { LINEAR, LOG_LOG }

    /**
     * One line: a name for the legend and its points.
     *
     * @param name the legend entry
     * @param x    the x of each point
     * @param y    the y of each point, as many as {@code x}
     */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("LineChart.Series '" + name + "': needs as many x as y, at least one, got "
                        + x.length + " x and " + y.length + " y");
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    public LineChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xTitle, "xTitle");
        Objects.requireNonNull(yTitle, "yTitle");
        Objects.requireNonNull(scale, "scale");
        series = List.copyOf(series);
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("LineChart: " + width + " × " + height + " pixels is too small (50 × 50 at least)");
        }
    }

    /** An empty chart, 640 × 400 pixels with linear axes; add lines with {@link #withSeries}. */
    public static LineChart of(String title, String xTitle, String yTitle) {
        return new LineChart(title, xTitle, yTitle, List.of(), AxisScale.LINEAR, 640, 400);
    }

    public LineChart withSeries(String name, double[] x, double[] y) {
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(name, x, y));
        return new LineChart(title, xTitle, yTitle, more, scale, width, height);
    }

    public LineChart withScale(AxisScale scale) {
        return new LineChart(title, xTitle, yTitle, series, scale, width, height);
    }

    public LineChart withSize(int width, int height) {
        return new LineChart(title, xTitle, yTitle, series, scale, width, height);
    }

    /**
     * The XChart chart this draws, for styling beyond what this class offers.
     *
     * @throws IllegalStateException if there is no series yet
     */
    public XYChart chart() {
        if (series.isEmpty()) {
            throw new IllegalStateException("LineChart '" + title + "': no series to draw; add one with withSeries");
        }
        Headless.ensure();
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setXAxisLogarithmic(scale == AxisScale.LOG_LOG);
        styler.setYAxisLogarithmic(scale == AxisScale.LOG_LOG);
        for (Series line : series) {
            chart.addSeries(line.name(), line.x(), line.y()).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    @Override
    public String toString() {
        return "LineChart '" + title + "' of " + series.size() + " series, " + width + " × " + height + " px";
    }

    @Override
    public BufferedImage image() {
        return BitmapEncoder.getBufferedImage(chart());
    }
}
