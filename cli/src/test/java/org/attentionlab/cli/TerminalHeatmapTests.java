package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TerminalHeatmapTests {

    private static final String SHADES = TerminalHeatmap.SHADES;

    @Test
    void moreWeightIsNeverLighterAndTheExtremesUseTheEndsOfTheScale() {
        TerminalHeatmap heatmap = new TerminalHeatmap(new float[][] {{0f, 0.4f}, {0.1f, 0.5f}});

        assertEquals(SHADES.charAt(0), heatmap.shade(0f));
        assertEquals(SHADES.charAt(SHADES.length() - 1), heatmap.shade(0.5f));
        int previous = 0;
        for (float w = 0; w <= 0.5f; w += 0.01f) {
            int level = SHADES.indexOf(heatmap.shade(w));
            assertTrue(level >= previous, "weight " + w);
            previous = level;
        }
        assertEquals(SHADES.length() - 1, previous);
    }

    @Test
    void oneRowPerQueryLabelledAndDrawnInShades() {
        TerminalHeatmap heatmap = new TerminalHeatmap(new float[][] {{0.9f, 0.1f}, {0.5f, 0.5f}});

        List<String> lines = heatmap.render(List.of("0 dog", "1 bites"), List.of("dog", "bites")).lines();

        assertEquals(3, lines.size());
        assertTrue(lines.get(0).contains("dog") && lines.get(0).contains("bites"));
        assertTrue(lines.get(1).startsWith("0 dog"));
        assertTrue(lines.get(2).startsWith("1 bites"));
        assertTrue(lines.get(1).contains("█████"), lines.get(1));
        String cells = lines.get(2).substring("1 bites".length());
        assertTrue(cells.chars().allMatch(c -> SHADES.indexOf(c) >= 0), cells);
    }

    @Test
    void theLegendStatesTheLargestWeight() {
        TerminalHeatmap heatmap = new TerminalHeatmap(new float[][] {{0.25f, 0.75f}});

        String legend = String.join("\n", heatmap.legend());

        assertTrue(legend.contains(String.format(Locale.ROOT, "%.3f", 0.75)), legend);
        for (char shade : SHADES.toCharArray()) {
            assertTrue(legend.indexOf("'" + shade + "'") >= 0, "legend explains '" + shade + "': " + legend);
        }
    }

    @Test
    void allZeroWeightsAreLightest() {
        TerminalHeatmap heatmap = new TerminalHeatmap(new float[][] {{0f, 0f}});

        assertEquals(SHADES.charAt(0), heatmap.shade(0f));
    }
}
