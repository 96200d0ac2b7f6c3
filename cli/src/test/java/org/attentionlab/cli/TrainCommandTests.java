package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TrainCommandTests {

    private static final Path DIR = Path.of("target", "train");

    @Test
    void writesTheLossCurveAndTheMapsBeforeAndAfter() throws Exception {
        Path out = DIR.resolve("reverse");
        for (String file : new String[] {"loss.png", "attention-before.png", "attention-after.png", "attention-after-heads.png"}) {
            Files.deleteIfExists(out.resolve(file));
        }

        CommandRun run = CommandRun.of("train", "--task", "reverse", "--steps", "40", "--seed", "3", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("training reverse: 40 steps of 32 sequences"), run.out());
        assertTrue(run.out().contains("  after:  accuracy "), run.out());
        for (String file : new String[] {"loss.png", "attention-before.png", "attention-after.png", "attention-after-heads.png"}) {
            BufferedImage image = ImageIO.read(out.resolve(file).toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 300, file + ": " + image.getWidth() + " × " + image.getHeight());
            assertTrue(run.out().contains("wrote " + out.resolve(file)), run.out());
        }
        assertTrue(run.out().lines().allMatch(line -> line.length() <= 80), run.out());
    }

    @Test
    void trainsThePronounTaskAndReportsTheRowOfIt() throws Exception {
        Path out = DIR.resolve("pronoun");

        CommandRun run = CommandRun.of("train", "--task", "pronoun", "--steps", "150", "--seed", "3", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("training pronoun: 150 steps"), run.out());
        assertTrue(run.out().contains("at row 8 (it) alone:\n  before: accuracy "), run.out());
        assertTrue(run.out().contains("  after:  accuracy 100.0%"), run.out());
        assertTrue(Files.size(out.resolve("attention-after.png")) > 0, run.out());
        assertTrue(run.out().lines().allMatch(line -> line.length() <= 80), run.out());
    }

    @Test
    void anUnknownTaskIsAUsageErrorInOneLine() {
        CommandRun run = CommandRun.of("train", "--task", "sort", "--out", DIR.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'sort' is not a task; choose copy, reverse or pronoun"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
    }
}
