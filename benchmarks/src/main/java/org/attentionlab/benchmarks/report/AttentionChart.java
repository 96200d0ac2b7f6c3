package org.attentionlab.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's chart: attention time against the sequence length T, one line per kernel and peer
 * (unmasked, one thread), on log-log axes with a dashed {@code ∝ T²} guide. On log-log axes a
 * power law is a straight line whose slope is its exponent, so the quadratic cost of attention
 * shows as lines parallel to the guide: each doubling of T multiplies the time by four.
 */
public final class AttentionChart {

    /** The chart's file name, next to the report. */
    public static final String FILE = "attention-time.png";

    private AttentionChart() {
    }

    /**
     * Writes the chart of {@code results}' attention lines (method {@code attention}, mask
     * {@code none}, one thread) to {@code folder/}{@value #FILE}.
     *
     * @return false (and no file) if there are not two sizes of any line to draw
     */
    public static boolean write(Path folder, List<Result> results) throws IOException {
        Map<String, List<Result>> lines = new LinkedHashMap<>();
        results.stream()
                .filter(r -> r.method().equals("attention") && r.mask().equals("none") && r.threads() == 1)
                .sorted(Comparator.comparing(Result::isPeer).thenComparing(Result::who).thenComparingInt(Result::size))
                .forEach(r -> lines.computeIfAbsent(r.who(), who -> new ArrayList<>()).add(r));
        lines.values().removeIf(points -> points.size() < 2);
        if (lines.isEmpty()) {
            return false;
        }
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Attention forward, B=1, H=8, Dk=64, no mask, 1 thread (median)")
                .xAxisTitle("sequence length T").yAxisTitle("time per forward pass (ms)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false); // label 200, 500, ... not only 100, 1000
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(7);
        for (Map.Entry<String, List<Result>> line : lines.entrySet()) {
            double[] t = line.getValue().stream().mapToDouble(Result::size).toArray();
            double[] ms = line.getValue().stream().mapToDouble(Result::medianMillis).toArray();
            chart.addSeries(line.getKey(), t, ms);
        }
        addQuadraticGuide(chart, lines);
        BitmapEncoder.saveBitmap(chart, folder.resolve(FILE).toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }

    /** A dashed line ∝ T² through the first point of the slowest line, spanning every T measured. */
    private static void addQuadraticGuide(XYChart chart, Map<String, List<Result>> lines) {
        double minT = lines.values().stream().flatMap(List::stream).mapToDouble(Result::size).min().orElseThrow();
        double maxT = lines.values().stream().flatMap(List::stream).mapToDouble(Result::size).max().orElseThrow();
        Result anchor = lines.values().stream().map(points -> points.get(0))
                .max(Comparator.comparingDouble(r -> r.medianMillis() / ((double) r.size() * r.size()))).orElseThrow();
        double perT2 = anchor.medianMillis() / ((double) anchor.size() * anchor.size()) * 2; // above the lines, not on them
        XYSeries guide = chart.addSeries("∝ T² (each doubling of T: 4× the time)",
                new double[] {minT, maxT}, new double[] {perT2 * minT * minT, perT2 * maxT * maxT});
        guide.setMarker(SeriesMarkers.NONE);
        guide.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        guide.setLineColor(java.awt.Color.GRAY);
    }
}
