package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineWrapTests {

    @Test
    void aLineThatFitsIsKeptAsItIsSpacesIncluded() {
        assertEquals(List.of("  Q = x·W_Q^0   what"), LineWrap.lines("  Q = x·W_Q^0   what", 40));
    }

    @Test
    void longTextBreaksAtSpacesWithoutLosingWordsAndHangs() {
        String text = "kernel:   parallel, the default (highest priority); it computes every matrix product";

        List<String> lines = LineWrap.lines(text, 40, 10);

        assertTrue(lines.size() > 1);
        assertTrue(lines.stream().allMatch(line -> TerminalText.cells(line) <= 40), lines.toString());
        assertTrue(lines.get(0).startsWith("kernel:   parallel"), "spaces kept on a line: " + lines);
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(line -> line.startsWith(" ".repeat(10))), lines.toString());
        assertEquals(text.replaceAll(" +", " "), String.join(" ", lines).replaceAll(" +", " "));
    }

    @Test
    void shapesInBracketsStayOnOneLine() {
        List<String> lines = LineWrap.lines("multiplies by W_O [D=8, D=8]:", 24);

        assertEquals(List.of("multiplies by W_O", "[D=8, D=8]:"), lines);
    }

    @Test
    void aWordLongerThanALineIsSplitSoNoLineIsTooWide() {
        List<String> lines = LineWrap.lines("a " + "猫".repeat(25), 20);

        assertTrue(lines.stream().allMatch(line -> TerminalText.cells(line) <= 20), lines.toString());
        assertEquals("a" + "猫".repeat(25), String.join("", lines).replace(" ", ""));
    }
}
