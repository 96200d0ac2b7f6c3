package org.attentionlab.pictures;

import java.awt.Color;

/**
 * The colours a heatmap's scale runs through, from its minimum to its maximum; XChart
 * interpolates between them.
 */
public enum Palette {

    /**
     * Near white for 0 through yellow and green to blue for 1 (ColorBrewer's YlGnBu, stopped before
     * its darkest blue so that the black numbers in the cells stay readable): more weight, more ink.
     * Ordered in lightness, so it reads in grey and for colour-blind readers. For weights.
     */
    YELLOW_GREEN_BLUE(new Color(0xFFFFE5), new Color(0xEDF8B1), new Color(0xC7E9B4), new Color(0x7FCDBB),
            new Color(0x41B6C4), new Color(0x1D91C0), new Color(0x3A6FB8)),

    /** Blue for negative, white for zero, red for positive: for signed values such as encodings. */
    BLUE_WHITE_RED(new Color(0x2166AC), new Color(0x92C5DE), new Color(0xF7F7F7), new Color(0xF4A582), new Color(0xB2182B));

    private final Color[] colours;

    Palette(Color... colours) {
        this.colours = colours;
    }

    /** A copy of the colours, lowest value first. */
    public Color[] colours() {
        return colours.clone();
    }

    /** The colour of the lowest value. */
    public Color lowest() {
        return colours[0];
    }

    /** The colour of the highest value. */
    public Color highest() {
        return colours[colours.length - 1];
    }
}
