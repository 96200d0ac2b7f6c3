package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTextTests {

    @Test
    void widthsAreCountedInTerminalCellsNotChars() {
        assertEquals(3, TerminalText.cells("dog"));
        assertEquals(4, TerminalText.cells("猫が"), "CJK: two cells each");
        assertEquals(2, TerminalText.cells("😀"), "an emoji: two chars, two cells");
        assertEquals(4, TerminalText.cells("café"), "é as e and a combining accent");
        assertEquals(2, TerminalText.cells("ｄｏ".substring(0, 1)), "a full-width letter");
        assertEquals(5, TerminalText.cells("░▒▓█ "), "the heatmap's shades are one cell");
    }

    @Test
    void cuttingKeepsWholeCharactersWithinTheCells() {
        assertEquals("猫が.", TerminalText.cut("猫が魚を", 6));
        assertEquals("猫.", TerminalText.cut("猫が魚を", 4), "a wide character is never split");
        assertEquals("dog", TerminalText.cut("dog", 3));
        assertEquals("😀", TerminalText.prefix("😀😀", 3));
    }

    @Test
    void alignmentPadsToCells() {
        assertEquals("  猫", TerminalText.rightAligned("猫", 4));
        assertEquals("猫  ", TerminalText.leftAligned("猫", 4));
    }

    @Test
    void controlCharactersAreShownEscapedNeverRaw() {
        assertEquals("a\\tb\\nc\\r", TerminalText.visible("a\tb\nc\r"));
        assertEquals("\\u001B[31mred", TerminalText.visible("\u001b[31mred"));
        assertEquals("\\u202Eevil", TerminalText.visible("\u202Eevil"), "a bidirectional override");
        assertEquals("猫 😀 café", TerminalText.visible("猫 😀 café"));
    }
}
