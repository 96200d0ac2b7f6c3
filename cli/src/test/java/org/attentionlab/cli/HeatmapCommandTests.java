package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapCommandTests {

    private static final Path DIR = Path.of("target", "heatmaps");

    private static BufferedImage run(String file, String... options) throws Exception {
        Path out = DIR.resolve(file);
        Files.deleteIfExists(out);
        String[] args = new String[options.length + 3];
        args[0] = "heatmap";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = out.toString();
        CommandRun run = CommandRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote " + out), run.out());
        return ImageIO.read(out.toFile());
    }

    @Test
    void writesAPngOfHeadZeroByDefault() throws Exception {
        BufferedImage image = run("tour-head0.png");
        assertTrue(image.getWidth() > 300 && image.getHeight() > 300, image.getWidth() + " × " + image.getHeight());
    }

    @Test
    void allHeadsAreDrawnSideBySide() throws Exception {
        BufferedImage one = run("cat-head1.png", "--sentence", "the cat sat on the mat", "--head", "1");
        BufferedImage all = run("cat-all.png", "--sentence", "the cat sat on the mat", "--all-heads", "--heads", "4",
                "--d-model", "16", "--kernel", "naive", "--seed", "7");
        assertEquals(4 * one.getWidth(), all.getWidth());
        assertEquals(one.getHeight(), all.getHeight());
    }

    @Test
    void anotherHeadIsAnotherPicture() throws Exception {
        BufferedImage head0 = run("h0.png", "--head", "0");
        BufferedImage head1 = run("h1.png", "--head", "1");
        int differing = 0;
        for (int y = 0; y < head0.getHeight(); y++) {
            for (int x = 0; x < head0.getWidth(); x++) {
                differing += head0.getRGB(x, y) != head1.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differing > 1000, differing + " pixels differ");
    }

    @Test
    void aHeadThatDoesNotExistIsAUsageErrorInOneLine() {
        CommandRun run = CommandRun.of("heatmap", "--head", "5", "--out", DIR.resolve("never.png").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("choose 0 to 1"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
        assertFalse(Files.exists(DIR.resolve("never.png")));
    }

    @Test
    void oneHeadAndAllHeadsTogetherAreAUsageError() {
        CommandRun run = CommandRun.of("heatmap", "--head", "1", "--all-heads", "--out", DIR.resolve("x.png").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }

    @Test
    void aSentenceWithoutWordsIsOneLineOfError() {
        CommandRun run = CommandRun.of("heatmap", "--sentence", "  ", "--out", DIR.resolve("y.png").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no words"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
    }

    @Test
    void thePictureSaysItsWeightsAreRandomNotLearned() {
        var attention = SentenceAttention.compute(org.attentionlab.api.Kernels.discover().byId("naive"), "dog bites man", 8, 2, 7);

        String title = HeatmapCommand.headPicture(attention, 1, 7).title();

        assertTrue(title.contains("head 1") && title.contains("random weights (seed 7)"), title);
    }
}
