package org.attentionlab.api;

/** See {@link Mask#causal()}. */
enum CausalMask implements Mask {
    INSTANCE;

    @Override
    public boolean allows(int batch, int query, int key) {
        return key <= query;
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
