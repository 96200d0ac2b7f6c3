package org.attentionlab.text;

import java.util.Arrays;
import java.util.Objects;
import org.attentionlab.api.Tensor;

/**
 * A token embedding: a table with one vector per vocabulary id, looked up by id. This is where
 * a word gets the same vector whatever its context; attention is what makes it context-dependent.
 *
 * <p>Attention Lab does not train, so the table is either given (designed by hand or loaded) or
 * random ({@link #random}). Immutable and thread-safe.
 */
public final class Embedding {

    private final Tensor table; // [V, D]

    /** With a given table {@code [V, D]}: row {@code id} is the vector of token {@code id}. */
    public Embedding(Tensor table) {
        Objects.requireNonNull(table, "table");
        if (table.rank() != 2 || table.dim(0) < 1 || table.dim(1) < 1) {
            throw new IllegalArgumentException("Embedding: table must be [V, D] with V, D >= 1, got "
                    + Arrays.toString(table.shape()));
        }
        this.table = table;
    }

    /** A random table with N(0, 1) entries; the same seed always gives the same table. */
    public static Embedding random(int vocabularySize, int dModel, long seed) {
        return new Embedding(Tensor.randomNormal(seed, vocabularySize, dModel));
    }

    /** Number of rows {@code V}. */
    public int vocabularySize() {
        return table.dim(0);
    }

    /** Width of each vector {@code D}. */
    public int dModel() {
        return table.dim(1);
    }

    /** The table itself, {@code [V, D]}. */
    public Tensor table() {
        return table;
    }

    /** The vectors of one sequence of ids: {@code [T] -> [T, D]}. */
    public Tensor lookup(int... ids) {
        Objects.requireNonNull(ids, "ids");
        requireKnown(ids, "");
        return rows(ids);
    }

    /** The vectors of a batch of equally long sequences: {@code [B][T] -> [B, T, D]}. */
    public Tensor lookup(int[][] batch) {
        Objects.requireNonNull(batch, "batch");
        int length = batch.length == 0 ? 0 : batch[0].length;
        int[] all = new int[batch.length * length]; // the B sequences one after another: one look-up of B·T ids
        for (int b = 0; b < batch.length; b++) {
            if (batch[b].length != length) {
                throw new IllegalArgumentException("Embedding: sequences in a batch must be equally long (pad them and"
                        + " use Mask.keyPadding): sequence " + b + " has " + batch[b].length + " ids, expected " + length);
            }
            requireKnown(batch[b], "sequence " + b + ", ");
            System.arraycopy(batch[b], 0, all, b * length, length);
        }
        return rows(all).reshape(batch.length, length, dModel()); // [B·T, D] -> [B, T, D]
    }

    /** Row {@code ids[t]} of the table for every t: {@code [T, D]}. The ids are known to be in range. */
    private Tensor rows(int[] ids) {
        int d = dModel();
        var values = table.values(); // the [V, D] table, read in place
        float[] row = new float[d];
        return Tensor.generate(new int[] {ids.length, d}, out -> { // [T, D]
            for (int t = 0; t < ids.length; t++) {
                values.get(ids[t] * d, row, 0, d);
                out.put(t * d, row, 0, d);
            }
        });
    }

    private void requireKnown(int[] ids, String where) {
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] < 0 || ids[t] >= vocabularySize()) {
                throw new IllegalArgumentException("Embedding: id " + ids[t] + " at " + where + "position " + t
                        + " is outside 0.." + (vocabularySize() - 1));
            }
        }
    }
}
