package org.attentionlab.api;

/** See {@link Mask#causal()}. */
enum CausalMask implements Mask {
    INSTANCE;

    @Override
    public boolean allows(int batch, int query, int key) {
        return key <= query;
    }

    /** The tile lies above the diagonal: its first key is after its last query. */
    @Override
    public boolean allowsNoneOf(int batch, int queryFrom, int queryTo, int keyFrom, int keyTo) {
        return keyFrom > queryTo - 1;
    }

    /** The tile lies on or below the diagonal: its last key is at or before its first query. */
    @Override
    public boolean allowsAllOf(int batch, int queryFrom, int queryTo, int keyFrom, int keyTo) {
        return keyTo - 1 <= queryFrom;
    }

    @Override
    public void requireFits(int batches, int queries, int keys) {
        if (queries != keys) {
            throw new IllegalArgumentException("a causal mask needs as many queries as keys, got Tq="
                    + queries + ", Tk=" + keys);
        }
    }

    @Override
    public String toString() {
        return "Mask.causal()";
    }
}
