package org.attentionlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class EncodingHeatmapTests {

    /** The paper's sinusoids, written out here so that the test needs only the api module. */
    private static Tensor sinusoids(int t, int d) {
        float[][] rows = new float[t][d];
        for (int pos = 0; pos < t; pos++) {
            for (int i = 0; i < d; i += 2) {
                double angle = pos / Math.pow(10000, (double) i / d);
                rows[pos][i] = (float) Math.sin(angle);
                rows[pos][i + 1] = (float) Math.cos(angle);
            }
        }
        return Tensor.of(rows);
    }

    @Test
    void positionsAreRowsDimensionsColumnsOnAScaleSymmetricAroundZero() throws Exception {
        MatrixHeatmap heatmap = EncodingHeatmap.of(sinusoids(20, 16));
        heatmap.writePng(Path.of("target", "pictures", "encoding-heatmap.png"));
        assertEquals("position", heatmap.rowTitle());
        assertEquals("dimension", heatmap.columnTitle());
        assertEquals(-heatmap.range().max(), heatmap.range().min());
        assertTrue(heatmap.range().max() > 0.99);
        assertEquals(MatrixHeatmap.CellValues.HIDDEN, heatmap.cellValues());
    }

    @Test
    void negativeAndPositiveValuesGetTheTwoEndsOfThePalette() {
        MatrixHeatmap heatmap = EncodingHeatmap.of(Tensor.of(new float[][] {{-1, 1}, {1, -1}}));
        var image = heatmap.image();
        assertTrue(Pixels.count(image, Palette.BLUE_WHITE_RED.lowest().getRGB() & 0xFFFFFF) > 1000);
        assertTrue(Pixels.count(image, Palette.BLUE_WHITE_RED.highest().getRGB() & 0xFFFFFF) > 1000);
    }
}
