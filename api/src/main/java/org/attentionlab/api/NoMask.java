package org.attentionlab.api;

/** See {@link Mask#none()}. */
enum NoMask implements Mask {
    INSTANCE;

    @Override
    public boolean allows(int batch, int query, int key) {
        return true;
    }

    @Override
    public void requireFits(int batches, int queries, int keys) {
        // fits any shape
    }

    @Override
    public boolean isNone() {
        return true;
    }

    @Override
    public String toString() {
        return "Mask.none()";
    }
}
