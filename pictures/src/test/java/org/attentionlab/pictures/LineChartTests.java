package org.attentionlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.junit.jupiter.api.Test;

class LineChartTests {

    private static final double[] T = {16, 32, 64, 128};

    @Test
    void drawsOneLinePerSeriesWithTitledAxes() throws Exception {
        LineChart chart = LineChart.of("attention time", "sequence length T", "milliseconds")
                .withSeries("naive", T, new double[] {1, 4, 16, 64})
                .withSeries("blocked", T, new double[] {0.5, 2, 8, 32});
        chart.writePng(Path.of("target", "pictures", "line-chart.png"));
        XYChart xy = chart.chart();
        assertEquals("sequence length T", xy.getXAxisTitle());
        assertEquals("milliseconds", xy.getYAxisTitle());
        assertEquals(2, xy.getSeriesMap().size());
        BufferedImage image = chart.image();
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void twoSeriesAreDrawnInDifferentColours() {
        LineChart one = LineChart.of("t", "x", "y").withSeries("a", T, new double[] {1, 2, 3, 4});
        LineChart two = one.withSeries("b", T, new double[] {4, 3, 2, 1});
        int colours = Pixels.colours(one.image()).size();
        assertTrue(Pixels.colours(two.image()).size() > colours, "the second line brings its own colour");
    }

    @Test
    void logLogAxesAreLogarithmic() {
        XYChart xy = LineChart.of("t", "x", "y").withSeries("a", T, T).withScale(LineChart.AxisScale.LOG_LOG).chart();
        assertTrue(xy.getStyler().isXAxisLogarithmic());
        assertTrue(xy.getStyler().isYAxisLogarithmic());
    }

    @Test
    void aChartWithoutSeriesOrWithUnevenSeriesIsRejected() {
        assertThrows(IllegalStateException.class, () -> LineChart.of("t", "x", "y").image());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("t", "x", "y").withSeries("a", T, new double[] {1}));
        assertTrue(e.getMessage().contains("4 x and 1 y"), e.getMessage());
    }
}
