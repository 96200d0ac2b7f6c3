package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AsciiFallbackTests {

    @Test
    void formulasBecomePlainAscii() {
        assertEquals("S = Q*K^T / sqrt d_k", AsciiFallback.transliterate("S = Q·Kᵀ / √d_k"));
        assertEquals("weights >= 0, ~ 5.70", AsciiFallback.transliterate("weights ≥ 0, ≈ 5.70"));
    }

    @Test
    void shadesStayOneCharacterWideSoTheHeatmapKeepsItsColumns() {
        String shades = TerminalHeatmap.SHADES;
        String ascii = AsciiFallback.transliterate(shades);

        assertEquals(shades.length(), ascii.length());
        assertEquals(shades.length(), ascii.chars().distinct().count(), "every level stays distinguishable");
        assertTrue(ascii.chars().allMatch(c -> c < 128));
    }

    @Test
    void aWriterPassesEverythingElseThrough() {
        StringWriter target = new StringWriter();
        try (PrintWriter out = new PrintWriter(new AsciiFallback(target))) {
            out.print("tired. 0.123 █▒ didn't");
        }

        assertEquals("tired. 0.123 #: didn't", target.toString());
    }

    @Test
    void neededOnlyWhereTheEncodingCannotShowTheSymbols() {
        assertTrue(AsciiFallback.isNeededFor(StandardCharsets.US_ASCII));
        assertTrue(AsciiFallback.isNeededFor(StandardCharsets.ISO_8859_1));
        assertFalse(AsciiFallback.isNeededFor(StandardCharsets.UTF_8));
    }
}
