package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tour fits the terminal: no line wider than asked, wide tables folded, every number still there. */
class TourLayoutTests {

    @Test
    void everyLineOfTheDefaultTourFitsEightyColumns() {
        CommandRun run = CommandRun.of("tour");

        assertEquals(0, run.exitCode(), run.err());
        // The default tour is drawn from one-cell characters only, so code points are columns here.
        List<String> tooWide = run.out().lines().filter(line -> line.codePointCount(0, line.length()) > 80).toList();
        assertEquals(List.of(), tooWide);
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("End of the tour.")), "the closing tip too");
    }

    @Test
    void aWideModelIsFoldedToTheWidthAndKeepsEveryNumber() {
        for (int width : new int[] {60, 80, 132}) {
            CommandRun run = CommandRun.of("tour", "--d-model", "64", "--heads", "2", "--width", String.valueOf(width));

            assertEquals(0, run.exitCode(), run.err());
            assertFitsIn(width, run.out());
            String step2 = String.join("\n", run.step(2));
            for (int column = 0; column < 64; column++) {
                assertTrue(step2.matches("(?s).*\\bd" + column + "\\b.*"), "column d" + column + " at width " + width);
            }
        }
    }

    @Test
    void theColumnsVariableGivesTheWidthAndTheOptionWins() {
        CommandRun fromEnvironment = CommandRun.of(AttentionLabCommand.newCommandLine(Map.of("COLUMNS", "120")),
                "tour", "--d-model", "64", "--heads", "2");
        CommandRun fromOption = CommandRun.of(AttentionLabCommand.newCommandLine(Map.of("COLUMNS", "120")),
                "tour", "--d-model", "64", "--heads", "2", "--width", "90");

        assertFitsIn(120, fromEnvironment.out());
        assertTrue(fromEnvironment.out().lines().anyMatch(line -> TerminalText.cells(line) > 100), "uses the width");
        assertFitsIn(90, fromOption.out());
    }

    @Test
    void aWidthTooNarrowForTheTablesIsAUsageError() {
        CommandRun run = CommandRun.of("tour", "--width", "20");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'--width'") && run.err().contains("at least " + TourPage.MIN_WIDTH), run.err());
        assertEquals("", run.out());
    }

    @Test
    void wideCharactersLongWordsAndTheLongestSentenceStillFit() {
        String longest = IntStream.range(0, TourCommand.MAX_WORDS).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        for (String sentence : List.of("猫が 魚を 食べた 😀 café", "x".repeat(200) + " y", longest)) {
            CommandRun run = CommandRun.of("tour", "--sentence", sentence);

            assertEquals(0, run.exitCode(), run.err());
            assertFitsIn(80, run.out());
        }
    }

    @Test
    void columnsOfWideWordsLineUpInTerminalCells() {
        CommandRun run = CommandRun.of("tour", "--sentence", "猫 😀 e\u0301 dog");

        List<String> weights = run.step(5).stream().filter(line -> line.matches(" +\\d .*")).toList();
        assertFalse(weights.isEmpty(), String.join("\n", run.step(5)));
        int rowCells = TerminalText.cells(weights.get(0));
        for (String row : weights.subList(0, 4)) {
            assertEquals(rowCells, TerminalText.cells(row), "every row of the table is equally wide: " + weights);
        }
    }

    private static void assertFitsIn(int width, String out) {
        List<String> tooWide = out.lines().filter(line -> TerminalText.cells(line) > width).toList();
        assertEquals(List.of(), tooWide, "lines over " + width + " columns");
    }
}
