package org.attentionlab.cli;

import java.util.List;
import java.util.Locale;

/**
 * Attention weights {@code [Tq, Tk]} drawn with shade characters, more filled for more attention
 * (true on a light and on a dark terminal alike, where "darker" would not be), in the same columns
 * as the {@link LabelledTable} of the numbers so the two can be read together.
 *
 * <p>The shades are relative to the largest weight in the table: a random, untrained model
 * spreads its attention thinly (about 1/Tk per key), so an absolute 0-to-1 scale would show
 * almost nothing. The legend states the weight each shade stands for.
 */
final class TerminalHeatmap {

    /** Emptiest to fullest; level {@code i} covers weights from {@code i/5} to {@code (i+1)/5} of the largest. */
    static final String SHADES = " ░▒▓█";
    private static final int BLOCK = 5;

    private final float[][] weights;
    private final float max;

    /** @param weights {@code [Tq, Tk]}, each entry in {@code [0, 1]} */
    TerminalHeatmap(float[][] weights) {
        this.weights = weights;
        float largest = 0;
        for (float[] row : weights) {
            for (float w : row) {
                largest = Math.max(largest, w);
            }
        }
        this.max = largest;
    }

    /** One line per query (row), headed by the key labels. */
    LabelledTable render(List<String> rowLabels, List<String> columnLabels) {
        return LabelledTable.cells(rowLabels, columnLabels,
                (row, column) -> String.valueOf(shade(weights[row][column])).repeat(BLOCK));
    }

    /** What each shade means, in weights: the largest weight, then the weights of each shade. */
    List<String> legend() {
        StringBuilder legend = new StringBuilder("'").append(SHADES.charAt(0)).append("' < ").append(format(bound(1)));
        for (int level = 1; level < SHADES.length() - 1; level++) {
            legend.append("  '").append(SHADES.charAt(level)).append("' ")
                    .append(format(bound(level))).append('–').append(format(bound(level + 1)));
        }
        legend.append("  '").append(SHADES.charAt(SHADES.length() - 1)).append("' ≥ ")
                .append(format(bound(SHADES.length() - 1)));
        return List.of("largest weight " + format(max) + ", so the shades stand for:", "  " + legend);
    }

    /** The shade of one weight. */
    char shade(float weight) {
        if (!(max > 0)) {
            return SHADES.charAt(0);
        }
        int level = (int) (weight / max * SHADES.length());
        return SHADES.charAt(Math.max(0, Math.min(SHADES.length() - 1, level)));
    }

    private float bound(int level) {
        return max * level / SHADES.length();
    }

    private static String format(float weight) {
        return String.format(Locale.ROOT, "%.3f", weight);
    }
}
