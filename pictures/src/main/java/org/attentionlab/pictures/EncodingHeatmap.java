package org.attentionlab.pictures;

import org.attentionlab.api.Tensor;

/**
 * The picture of positional encodings {@code [T, D]}: one row per position, one column per
 * dimension, blue for negative and red for positive on a scale symmetric around 0. The sinusoidal
 * encoding shows its stripes: fast waves in the first dimensions, slow ones in the last.
 */
public final class EncodingHeatmap {

    private EncodingHeatmap() {
    }

    /** Encodings {@code [T, D]}, e.g. {@code new SinusoidalPositionalEncoding(D).encodings(T)}. */
    public static MatrixHeatmap of(Tensor encodings) {
        return MatrixHeatmap.of(encodings)
                .withRows("position", MatrixHeatmap.numbers(encodings.dim(0)))
                .withColumns("dimension", MatrixHeatmap.numbers(encodings.dim(1)))
                .withRange(ColourRange.symmetric(encodings))
                .withPalette(Palette.BLUE_WHITE_RED)
                .withCellValues(MatrixHeatmap.CellValues.HIDDEN)
                .withTitle("positional encoding");
    }
}
