package org.attentionlab.testkit;

import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;

/**
 * A correct encoding for testing the kit: a random table {@code [maxLength, D]}, row {@code pos} for
 * position {@code pos}; {@link #rows} is the hook a broken subclass uses.
 */
class TableEncoding implements PositionalEncoding {

    final float[][] table;

    TableEncoding(int maxLength, int dModel, long seed) {
        this.table = Tensor.randomNormal(seed, maxLength, dModel).times(0.02f).toMatrix();
    }

    @Override
    public int dModel() {
        return table[0].length;
    }

    @Override
    public Tensor encodings(int length) {
        if (length < 0 || length > table.length) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": length " + length + " is outside 0.."
                    + table.length);
        }
        return rows(length);
    }

    /** Rows {@code 0..length-1}, or past the table starting over from row 0. */
    Tensor rows(int length) {
        float[][] rows = new float[length][];
        for (int pos = 0; pos < length; pos++) {
            rows[pos] = table[pos % table.length];
        }
        return length == 0 ? Tensor.zeros(0, dModel()) : Tensor.of(rows);
    }
}
