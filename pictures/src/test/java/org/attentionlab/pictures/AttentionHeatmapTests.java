package org.attentionlab.pictures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.attentionlab.api.Tensor;
import org.knowm.xchart.HeatMapChart;
import org.junit.jupiter.api.Test;

class AttentionHeatmapTests {

    private static final List<String> TOKENS = List.of("the", "cat", "sat", "on", "the", "mat");

    /** Six rows that each sum to 1, every weight different. */
    private static Tensor weights() {
        float[][] rows = new float[6][6];
        for (int i = 0; i < 6; i++) {
            float sum = 0;
            for (int j = 0; j < 6; j++) {
                rows[i][j] = 1 + i * 6 + j;
                sum += rows[i][j];
            }
            for (int j = 0; j < 6; j++) {
                rows[i][j] /= sum;
            }
        }
        return Tensor.of(rows);
    }

    @Test
    void rendersAnImageOfTheHeatmapsSize() {
        MatrixHeatmap heatmap = AttentionHeatmap.of(weights(), TOKENS).withSize(500, 400);
        BufferedImage image = heatmap.image();
        assertEquals(500, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void pngBytesDecodeToTheSameSize() throws Exception {
        MatrixHeatmap heatmap = AttentionHeatmap.of(weights(), TOKENS);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(heatmap.png()));
        assertEquals(heatmap.width(), decoded.getWidth());
        assertEquals(heatmap.height(), decoded.getHeight());
    }

    @Test
    void writesAPngFile() throws Exception {
        Path file = Path.of("target", "pictures", "attention-heatmap.png");
        Files.deleteIfExists(file);
        AttentionHeatmap.of(weights(), TOKENS).writePng(file);
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(file), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, header); // the PNG signature
    }

    @Test
    void queriesAreRowsAndKeysAreColumnsWithBothAxesTitled() {
        HeatMapChart chart = AttentionHeatmap.of(weights(), TOKENS).chart();
        assertEquals(AttentionHeatmap.KEY_AXIS, chart.getXAxisTitle());
        assertEquals(AttentionHeatmap.QUERY_AXIS, chart.getYAxisTitle());
        // Every token is a column label, in order (repeats kept apart by invisible padding).
        List<?> columns = chart.getHeatMapSeries().getXData();
        assertEquals(TOKENS.size(), columns.size());
        for (int j = 0; j < TOKENS.size(); j++) {
            assertEquals(TOKENS.get(j), columns.get(j).toString().replace("\u200B", ""));
        }
        assertNotEquals(columns.get(0), columns.get(4), "the two 'the' stay two columns");
        // XChart counts rows from the bottom: the first query is the last y label.
        List<?> rows = chart.getHeatMapSeries().getYData();
        assertEquals("the", rows.get(rows.size() - 1).toString());
        assertEquals("mat", rows.get(0).toString());
    }

    @Test
    void theColourScaleIsFixedToZeroOne() {
        MatrixHeatmap heatmap = AttentionHeatmap.of(Tensor.of(new float[][] {{0.2f, 0.3f}}), List.of("q"), List.of("a", "b"));
        assertEquals(ColourRange.UNIT, heatmap.range());
        assertEquals(0.0, heatmap.chart().getStyler().getMin());
        assertEquals(1.0, heatmap.chart().getStyler().getMax());
    }

    @Test
    void weightZeroAndOneGetTheEndsOfThePalette() {
        MatrixHeatmap heatmap = AttentionHeatmap.of(Tensor.of(new float[][] {{0, 1}, {1, 0}}), List.of("a", "b"))
                .withCellValues(MatrixHeatmap.CellValues.HIDDEN);
        BufferedImage image = heatmap.image();
        int lowest = Palette.YELLOW_GREEN_BLUE.lowest().getRGB() & 0xFFFFFF;
        int highest = Palette.YELLOW_GREEN_BLUE.highest().getRGB() & 0xFFFFFF;
        assertTrue(Pixels.count(image, lowest) > 1000, "cells of weight 0 are the palette's first colour");
        assertTrue(Pixels.count(image, highest) > 1000, "cells of weight 1 are the palette's last colour");
    }

    @Test
    void aWiderRangeMakesWeightOneNoLongerTheTopColour() {
        MatrixHeatmap heatmap = AttentionHeatmap.of(Tensor.of(new float[][] {{0, 1}, {1, 0}}), List.of("a", "b"))
                .withCellValues(MatrixHeatmap.CellValues.HIDDEN)
                .withRange(new ColourRange(0, 2));
        int highest = Palette.YELLOW_GREEN_BLUE.highest().getRGB() & 0xFFFFFF;
        assertTrue(Pixels.count(heatmap.image(), highest) < 1000, "only the legend's top end has the top colour");
    }

    @Test
    void distinctWeightsGetDistinctColours() {
        float[][] one = {{0.1f, 0.3f}, {0.6f, 0.9f}};
        MatrixHeatmap heatmap = AttentionHeatmap.of(Tensor.of(one), List.of("a", "b"))
                .withCellValues(MatrixHeatmap.CellValues.HIDDEN);
        BufferedImage image = heatmap.image();
        // Sample each cell's centre through the chart's own layout: the plot is a 2 × 2 grid, so
        // the four cell colours are the four most frequent non-background colours.
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int rgb : Pixels.colours(image)) {
            counts.put(rgb, Pixels.count(image, rgb));
        }
        long bigAreas = counts.entrySet().stream()
                .filter(e -> e.getKey() != 0xFFFFFF && e.getValue() > 2000)
                .count();
        assertTrue(bigAreas >= 4, "four weights, four large areas of distinct colour; found " + bigAreas);
    }

    @Test
    void changingOneWeightChangesOnlyPartOfThePicture() {
        float[][] before = {{0.1f, 0.9f}, {0.5f, 0.5f}};
        float[][] after = {{0.1f, 0.9f}, {0.5f, 0.8f}};
        BufferedImage a = AttentionHeatmap.of(Tensor.of(before), List.of("a", "b")).image();
        BufferedImage b = AttentionHeatmap.of(Tensor.of(after), List.of("a", "b")).image();
        int changed = Pixels.differing(a, b);
        assertTrue(changed > 500, "the changed cell has a new colour: " + changed + " pixels");
        assertTrue(changed < a.getWidth() * a.getHeight() / 4, "the rest stays the same: " + changed + " pixels");
    }

    @Test
    void labelsThatDoNotMatchTheShapeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttentionHeatmap.of(weights(), List.of("too", "few")));
        assertTrue(e.getMessage().contains("[6, 6]"), e.getMessage());
    }

    @Test
    void oneHeadIsTakenOutOfMultiHeadWeights() {
        Tensor perHead = Tensor.randomUniform(1, 0, 1, 1, 3, 6, 6); // [B, H, Tq, Tk]
        MatrixHeatmap head2 = AttentionHeatmap.ofHead(perHead, 2, TOKENS, TOKENS);
        assertEquals(HeadWeights.of(perHead, 0, 2), head2.values());
        assertEquals("head 2", head2.title());
    }
}
