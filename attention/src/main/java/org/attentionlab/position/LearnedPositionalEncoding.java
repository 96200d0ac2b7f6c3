package org.attentionlab.position;

import java.util.Arrays;
import java.util.Objects;
import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;

/**
 * A learned positional encoding: a table with one trainable row per position, as in BERT and
 * GPT-2 (Vaswani et al. 2017 report it works about as well as the sinusoidal one, section 3.5).
 * Unlike the sinusoidal encoding it has a maximum length: positions past the table do not exist.
 *
 * <p>Attention Lab does not train, so the table is either given (e.g. loaded from a trained
 * model) or random ({@link #random}), in which case it only marks positions as different.
 * Immutable and thread-safe.
 */
public final class LearnedPositionalEncoding implements PositionalEncoding {

    /** Standard deviation of a random table, as GPT-2 initialises it. */
    public static final float INIT_STD = 0.02f;

    private final Tensor table; // [maxLength, D]

    /** With a given table {@code [maxLength, D]}: row {@code pos} is the encoding of position {@code pos}. */
    public LearnedPositionalEncoding(Tensor table) {
        Objects.requireNonNull(table, "table");
        if (table.rank() != 2 || table.dim(1) < 1) {
            throw new IllegalArgumentException("LearnedPositionalEncoding: table must be [maxLength, D] with D >= 1, got "
                    + Arrays.toString(table.shape()));
        }
        this.table = table;
    }

    /** A random table, N(0, {@value #INIT_STD}²), as it would be before training. */
    public static LearnedPositionalEncoding random(int maxLength, int dModel, long seed) {
        return new LearnedPositionalEncoding(Tensor.randomNormal(seed, maxLength, dModel).times(INIT_STD));
    }

    @Override
    public int dModel() {
        return table.dim(1);
    }

    /** The longest sequence this table covers. */
    public int maxLength() {
        return table.dim(0);
    }

    /** The table itself, {@code [maxLength, D]}. */
    public Tensor table() {
        return table;
    }

    @Override
    public Tensor encodings(int length) {
        if (length < 0 || length > maxLength()) {
            throw new IllegalArgumentException("LearnedPositionalEncoding: length " + length
                    + " is outside the table's 0.." + maxLength() + " positions");
        }
        return table.reshape(-1).sliceLast(0, length * dModel()).reshape(length, dModel()); // first `length` rows
    }

    @Override
    public String toString() {
        return "LearnedPositionalEncoding[maxLength=" + maxLength() + ", d_model=" + dModel() + "]";
    }
}
