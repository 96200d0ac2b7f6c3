package org.attentionlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class HeadGridTests {

    private static final List<String> TOKENS = List.of("dog", "bites", "man");

    @Test
    void fourHeadsMakeOneRowAndSixMakeTwo() {
        HeadGrid four = HeadGrid.of(Tensor.randomUniform(1, 0, 1, 1, 4, 3, 3), TOKENS);
        HeadGrid six = HeadGrid.of(Tensor.randomUniform(1, 0, 1, 1, 6, 3, 3), TOKENS);
        MatrixHeatmap cell = four.heads().get(0);
        assertEquals(4 * cell.width(), four.width());
        assertEquals(cell.height(), four.height());
        assertEquals(2 * cell.height(), six.height());
        BufferedImage image = six.image();
        assertEquals(six.width(), image.getWidth());
        assertEquals(six.height(), image.getHeight());
    }

    @Test
    void eachCellShowsItsOwnHead() throws Exception {
        Tensor weights = Tensor.of(new float[][][][] {{
            {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},     // head 0 looks at itself
            {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}},     // head 1 looks at the last word
        }});
        HeadGrid grid = HeadGrid.of(weights, TOKENS);
        grid.writePng(Path.of("target", "pictures", "head-grid.png"));
        BufferedImage image = grid.image();
        int w = grid.heads().get(0).width();
        BufferedImage left = image.getSubimage(0, 0, w, image.getHeight());
        BufferedImage right = image.getSubimage(w, 0, w, image.getHeight());
        assertEquals(grid.heads().get(0).image().getRGB(w / 2, 100), left.getRGB(w / 2, 100));
        assertTrue(Pixels.differing(left, right) > 1000, "two different heads, two different pictures");
    }
}
