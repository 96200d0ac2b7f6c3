package org.attentionlab.api;

import java.util.Arrays;
import java.util.Objects;

/** See {@link Mask#keyPadding(int...)}. */
final class KeyPaddingMask implements Mask {
    private final int[] lengths;

    KeyPaddingMask(int[] lengths) {
        Objects.requireNonNull(lengths, "lengths");
        if (lengths.length == 0) {
            throw new IllegalArgumentException("Mask.keyPadding: needs one length per batch entry, got none");
        }
        for (int length : lengths) {
            if (length < 0) {
                throw new IllegalArgumentException("Mask.keyPadding: lengths must be >= 0, got "
                        + Arrays.toString(lengths));
            }
        }
        this.lengths = lengths.clone();
    }

    @Override
    public boolean allows(int batch, int query, int key) {
        return key < lengths[batch];
    }

    @Override
    public boolean allowsNoneOf(int batch, int queryFrom, int queryTo, int keyFrom, int keyTo) {
        return keyFrom >= lengths[batch];
    }

    @Override
    public boolean allowsAllOf(int batch, int queryFrom, int queryTo, int keyFrom, int keyTo) {
        return keyTo <= lengths[batch];
    }

    @Override
    public void requireFits(int batches, int queries, int keys) {
        if (batches != lengths.length) {
            throw new IllegalArgumentException("key padding has " + count(lengths.length, "length")
                    + " but the scores have " + count(batches, "batch entry", "batch entries"));
        }
        for (int length : lengths) {
            if (length > keys) {
                throw new IllegalArgumentException("key padding length " + length + " exceeds Tk=" + keys);
            }
        }
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    @Override
    public String toString() {
        return "Mask.keyPadding" + Arrays.toString(lengths);
    }
}
