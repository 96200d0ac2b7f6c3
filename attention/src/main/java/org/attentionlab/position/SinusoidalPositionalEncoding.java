package org.attentionlab.position;

import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;

/**
 * The fixed sinusoidal encoding of Vaswani et al. (2017), section 3.5:
 *
 * <pre>
 *     PE(pos, 2i)     = sin(pos / 10000^(2i / d_model))
 *     PE(pos, 2i + 1) = cos(pos / 10000^(2i / d_model))
 * </pre>
 *
 * <p>Each pair of columns is a sine and cosine of one frequency, from one full turn every 2π
 * positions (columns 0, 1) down to one every 10000·2π positions (the last pair). Nothing is
 * learned, and any length works. For an odd {@code d_model} the last column is a lone sine.
 * Immutable and thread-safe.
 */
public final class SinusoidalPositionalEncoding implements PositionalEncoding {

    private static final double BASE = 10_000.0;

    private final int dModel;

    public SinusoidalPositionalEncoding(int dModel) {
        if (dModel < 1) {
            throw new IllegalArgumentException("SinusoidalPositionalEncoding: d_model must be >= 1, got " + dModel);
        }
        this.dModel = dModel;
    }

    @Override
    public int dModel() {
        return dModel;
    }

    @Override
    public Tensor encodings(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("SinusoidalPositionalEncoding: length must be >= 0, got " + length);
        }
        return Tensor.generate(new int[] {length, dModel}, pe -> {      // pe: [T, D]
            for (int pos = 0; pos < length; pos++) {
                for (int column = 0; column < dModel; column++) {
                    int twoI = column - column % 2;                       // 2i: the pair this column belongs to
                    double angle = pos / Math.pow(BASE, (double) twoI / dModel);
                    pe.set(pos * dModel + column, (float) (column % 2 == 0 ? Math.sin(angle) : Math.cos(angle)));
                }
            }
        });
    }

    @Override
    public String toString() {
        return "SinusoidalPositionalEncoding[d_model=" + dModel + "]";
    }
}
