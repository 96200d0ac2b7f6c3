package org.attentionlab.testkit;

import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;

/**
 * A correct encoding for testing the kit, the paper's sinusoids (Vaswani et al. 2017, section 3.5):
 * {@code PE(pos, 2i) = sin(pos / 10000^(2i/D))}, {@code PE(pos, 2i+1) = cos(...)}; any length works.
 * {@link #position} is the hook the broken subclasses override.
 */
class SinusoidalEncoding implements PositionalEncoding {

    private final int dModel;

    SinusoidalEncoding(int dModel) {
        this.dModel = dModel;
    }

    @Override
    public int dModel() {
        return dModel;
    }

    @Override
    public Tensor encodings(int length) {
        if (length < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": length must be >= 0, got " + length);
        }
        float[] pe = new float[length * dModel]; // [T, D]
        for (int pos = 0; pos < length; pos++) {
            for (int column = 0; column < dModel; column++) {
                double angle = position(pos, length) / Math.pow(10_000, (double) (column - column % 2) / dModel);
                pe[pos * dModel + column] = (float) (column % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return Tensor.fromArray(pe, length, dModel);
    }

    /** The position that goes into the sinusoids for position {@code pos} of a sequence of {@code length}. */
    double position(int pos, int length) {
        return pos;
    }
}
