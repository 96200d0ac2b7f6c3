package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attentionlab.api.Kernels;
import org.junit.jupiter.api.Test;

class TourCommandTests {

    private static final List<String> DEFAULT_TOKENS = List.of(
            "the", "animal", "didn't", "cross", "the", "street", "because", "it", "was", "too", "tired");
    private static final Pattern TOKEN_ROW = Pattern.compile("^ {3} *(\\d+) (\\S+)(.*)$");

    @Test
    void theTourSucceedsAndPrintsEveryStep() {
        CommandRun run = CommandRun.of("tour");

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.hasStackTrace(), run.err());
        for (int step = 1; step <= 8; step++) {
            assertFalse(run.step(step).isEmpty());
        }
        assertTrue(run.out().contains("RANDOM"), "says which numbers are random");
        assertTrue(run.out().contains("GIVEN"), "says which numbers are given");
        String defaultId = Kernels.discover(getClass().getClassLoader(), line -> { }).defaultKernel().id();
        assertTrue(run.out().contains("kernel:   " + defaultId + ", "), "names the kernel that computes");
        assertTrue(run.out().contains("Q = x·W_Q^0: [T=11, Dk=4]"), "shapes in the README's vocabulary");
        assertTrue(run.out().contains("[Tq=11, Tk=11]"));
    }

    @Test
    void theWorkedExampleShowsTheTrueSoftmaxNotTheCoursesRounding() {
        double e2 = Math.exp(2);
        double e4 = Math.exp(4);
        double e6 = Math.exp(6);
        double sum = e2 + e4 + e6;
        double output = (2 * e2 + 4 * e4 + 6 * e6) / sum;
        String weights = String.format(Locale.ROOT, "[%.4f, %.4f, %.4f]", e2 / sum, e4 / sum, e6 / sum);

        List<String> step = CommandRun.of("tour").step(7);

        assertTrue(step.stream().anyMatch(line -> line.contains("output") && line.contains(String.format(Locale.ROOT, "%.4f", output))),
                "output line with " + output + " in\n" + String.join("\n", step));
        assertTrue(step.stream().anyMatch(line -> line.contains("weights") && line.contains(weights)), weights);
        assertTrue(String.join("\n", step).contains("[0.1, 0.3, 0.6]"), "quotes the course's rounded weights");
        assertTrue(String.join("\n", step).contains(String.format(Locale.ROOT, "≈ %.2f", output)));
    }

    @Test
    void theWeightsTableAndTheHeatmapHaveOneRowPerTokenInOrder() {
        List<String> step = CommandRun.of("tour", "--width", "200").step(5); // wide enough not to fold the tables

        List<Integer> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> heatmapCells = new ArrayList<>();
        for (String line : step) {
            Matcher row = TOKEN_ROW.matcher(line);
            if (row.matches()) {
                positions.add(Integer.parseInt(row.group(1)));
                labels.add(row.group(2));
                if (positions.size() > DEFAULT_TOKENS.size()) {
                    heatmapCells.add(row.group(3));
                }
            }
        }
        List<String> twice = new ArrayList<>(DEFAULT_TOKENS);
        twice.addAll(DEFAULT_TOKENS);
        assertEquals(twice, labels, "table rows, then heatmap rows");
        for (int i = 0; i < positions.size(); i++) {
            assertEquals(i % DEFAULT_TOKENS.size(), positions.get(i));
        }
        for (String cells : heatmapCells) {
            assertTrue(cells.chars().allMatch(c -> TerminalHeatmap.SHADES.indexOf(c) >= 0), cells);
        }
        assertTrue(heatmapCells.stream().anyMatch(cells -> cells.indexOf('█') >= 0), "the largest weight is darkest");
    }

    @Test
    void itTellsWhereItLooksMost() {
        CommandRun run = CommandRun.of("tour");
        SentenceAttention attention = SentenceAttention.compute(
                Kernels.discover(getClass().getClassLoader(), line -> { }).defaultKernel(),
                TourCommand.DEFAULT_SENTENCE, 8, 2, 42);
        int it = DEFAULT_TOKENS.indexOf("it");
        float[] row = attention.weights().toMatrix()[it];
        int best = 0;
        for (int j = 0; j < row.length; j++) {
            best = row[j] > row[best] ? j : best;
        }

        String expected = "\"it\" (position " + it + ") attends most to \"" + DEFAULT_TOKENS.get(best)
                + "\" (position " + best + "), with weight " + String.format(Locale.ROOT, "%.3f", row[best]);
        assertTrue(String.join(" ", run.step(5)).replaceAll("\\s+", " ").contains(expected), expected);
    }

    @Test
    void aChosenKernelIsUsedAndNamed() {
        CommandRun run = CommandRun.of("tour", "--kernel", "naive");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("kernel:   naive, "));
        assertTrue(run.out().contains("chosen with --kernel"));
        assertTrue(run.out().contains("on kernel naive"));
    }

    @Test
    void anUnknownKernelIsAUsageErrorThatListsTheAvailableIds() {
        CommandRun run = CommandRun.of("tour", "--kernel", "nope");

        assertEquals(2, run.exitCode(), "a bad option value, like the others");
        assertEquals("", run.out());
        assertEquals(2, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("'--kernel'"), run.err());
        assertTrue(run.err().strip().endsWith("Try 'attentionlab tour --help' for the options."), run.err());
        assertTrue(run.err().contains("'nope'"), run.err());
        for (String id : Kernels.discover(getClass().getClassLoader(), line -> { }).ids()) {
            assertTrue(run.err().contains(id), id + " missing from " + run.err());
        }
        assertFalse(run.hasStackTrace(), run.err());
    }

    @Test
    void aKernelIdIsStrippedOfSurroundingSpacesAsTheSystemPropertyIs() {
        CommandRun run = CommandRun.of("tour", "--kernel", " naive ");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("kernel:   naive, "), run.out());
    }

    @Test
    void aCustomSentenceIsToured() {
        CommandRun run = CommandRun.of("tour", "--sentence", "Dogs chase  Cats");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.step(1).stream().anyMatch(line -> line.matches("\\s+token\\s+dogs\\s+chase\\s+cats")),
                String.join("\n", run.step(1)));
        assertTrue(run.out().contains("[Tq=3, Tk=3]"));
        assertTrue(run.out().contains("no \"it\"; its last word \"cats\" (position 2) attends most to"), run.out());
    }

    @Test
    void aSentenceWithoutWordsIsAUsageErrorNotAStackTrace() {
        CommandRun run = CommandRun.of("tour", "--sentence", "   ");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'--sentence'") && run.err().contains("no words"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aModelWidthThatTheHeadsCannotShareIsAUsageError() {
        CommandRun run = CommandRun.of("tour", "--d-model", "6", "--heads", "4");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not a multiple of --heads 4"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
    }

    @Test
    void aModelTooWideToPrintIsAUsageErrorNotAnOutOfMemoryError() {
        CommandRun run = CommandRun.of("tour", "--d-model", String.valueOf(TourCommand.MAX_D_MODEL + 1), "--heads", "1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--d-model " + (TourCommand.MAX_D_MODEL + 1)) && run.err().contains("at most"),
                run.err());
        assertFalse(run.hasStackTrace(), run.err());
    }

    @Test
    void zeroHeadsIsAUsageError() {
        CommandRun run = CommandRun.of("tour", "--heads", "0");

        assertEquals(2, run.exitCode());
        assertFalse(run.hasStackTrace(), run.err());
    }

    @Test
    void otherSizesChangeTheShapes() {
        CommandRun run = CommandRun.of("tour", "--d-model", "12", "--heads", "3");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("x: [T=11, D=12]"));
        assertTrue(run.out().contains("Q = x·W_Q^0: [T=11, Dk=4]"));
        assertTrue(run.out().contains("[T, 3·4] = [T, 12]"));
    }

    @Test
    void theSameSeedGivesTheSameTourAndAnotherSeedOnlyChangesTheRandomNumbers() {
        CommandRun first = CommandRun.of("tour");
        CommandRun again = CommandRun.of("tour", "--seed", "42");
        CommandRun other = CommandRun.of("tour", "--seed", "7");

        assertEquals(first.out(), again.out());
        assertNotEquals(first.step(2), other.step(2), "embeddings are random");
        assertEquals(first.step(7), other.step(7), "the worked example is given, not random");
    }

    @Test
    void asciiPrintsOnlyAscii() {
        CommandRun run = CommandRun.of("tour", "--ascii");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().chars().allMatch(c -> c < 128),
                () -> "non-ASCII: " + run.out().chars().filter(c -> c >= 128).mapToObj(Character::toString).distinct().toList());
        assertTrue(run.out().contains("Q*K^T / sqrt d_k"));
    }

    @Test
    void aSentenceTooLongToPrintIsAUsageErrorNotPagesOfNumbersOrAnOutOfMemoryError() {
        for (int words : new int[] {TourCommand.MAX_WORDS + 1, 200, 5000}) {
            CommandRun run = CommandRun.of("tour", "--sentence", "word ".repeat(words));

            assertEquals(2, run.exitCode(), run.err());
            assertEquals("", run.out());
            assertTrue(run.err().contains(words + " words") && run.err().contains("at most " + TourCommand.MAX_WORDS),
                    run.err());
            assertEquals(2, run.err().strip().lines().count(), "the error and the pointer to the help: " + run.err());
            assertFalse(run.hasStackTrace(), run.err());
        }
    }

    @Test
    void controlCharactersInTheSentenceAreShownEscapedNeverRaw() {
        CommandRun run = CommandRun.of("tour", "--sentence", "red\tdog\n\u001b[31mbites");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("sentence: \"red\\tdog\\n\\u001B[31mbites\""), run.out().lines().limit(4).toList()
                .toString());
        assertFalse(run.out().contains("\t") || run.out().contains("\u001b"), "no raw tab or escape character");
        assertTrue(run.step(1).stream().anyMatch(line -> line.contains("\\u001B")), "the token too");
    }

    @Test
    void theWordUnkIsCountedAsAWordWithItsOwnId() {
        CommandRun run = CommandRun.of("tour", "--sentence", "<unk> bites dog");

        assertTrue(run.step(1).contains("   T = 3 tokens, 3 distinct words."), String.join("\n", run.step(1)));
        assertTrue(run.step(1).stream().anyMatch(line -> line.matches("\\s+id\\s+1\\s+2\\s+3")), String.join("\n", run.step(1)));
    }

    @Test
    void oneWordAttendsOnlyToItselfAndOneMoreTermIsSingular() {
        String one = String.join(" ", CommandRun.of("tour", "--sentence", "hello").step(5)).replaceAll("\\s+", " ");
        String four = String.join(" ", CommandRun.of("tour", "--sentence", "dogs chase the cats").step(6));

        assertTrue(one.contains("is the only word, so it attends only to itself, with weight 1.000."), one);
        assertFalse(one.contains("all 1 word"), one);
        assertTrue(four.replaceAll("\\s+", " ").contains("(1 more term, largest weights first)"), four);
    }

    @Test
    void theHeatmapSaysMoreFilledNotDarkerWhichIsFalseOnADarkTerminal() {
        String step = String.join("\n", CommandRun.of("tour").step(5));

        assertTrue(step.contains("more filled = more attention"), step);
        assertFalse(step.contains("darker"), step);
    }
}
