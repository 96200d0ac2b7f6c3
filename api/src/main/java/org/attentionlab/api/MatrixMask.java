package org.attentionlab.api;

import java.util.Objects;

/** See {@link Mask#of(boolean[][])} and {@link Mask#of(boolean[][][])}. */
final class MatrixMask implements Mask {
    private final boolean[][][] allowed;
    private final boolean shared;

    MatrixMask(boolean[][][] allowed, boolean shared) {
        Objects.requireNonNull(allowed, "allowed");
        int queries = -1;
        int keys = -1;
        this.allowed = new boolean[allowed.length][][];
        for (int b = 0; b < allowed.length; b++) {
            Objects.requireNonNull(allowed[b], "allowed[" + b + "]");
            if (queries >= 0 && allowed[b].length != queries) {
                throw new IllegalArgumentException("Mask.of: ragged mask: batch entry " + b + " has "
                        + allowed[b].length + " rows, expected " + queries);
            }
            queries = allowed[b].length;
            this.allowed[b] = new boolean[queries][];
            for (int i = 0; i < queries; i++) {
                Objects.requireNonNull(allowed[b][i], "row " + i);
                if (keys >= 0 && allowed[b][i].length != keys) {
                    throw new IllegalArgumentException("Mask.of: ragged mask: row " + i + " has "
                            + allowed[b][i].length + " entries, expected " + keys);
                }
                keys = allowed[b][i].length;
                this.allowed[b][i] = allowed[b][i].clone();
            }
        }
        this.shared = shared;
    }

    @Override
    public boolean allows(int batch, int query, int key) {
        return allowed[shared ? 0 : batch][query][key];
    }

    @Override
    public void requireFits(int batches, int queries, int keys) {
        int maskQueries = allowed.length == 0 ? 0 : allowed[0].length;
        int maskKeys = maskQueries == 0 ? 0 : allowed[0][0].length;
        if ((!shared && allowed.length != batches) || maskQueries != queries || maskKeys != keys) {
            throw new IllegalArgumentException("mask is " + shapeText() + ", scores need "
                    + (shared ? "" : "[" + batches + ", ") + (shared ? "[" : "") + queries + ", " + keys + "]");
        }
    }

    private String shapeText() {
        int q = allowed.length == 0 ? 0 : allowed[0].length;
        int k = q == 0 ? 0 : allowed[0][0].length;
        return shared ? "[" + q + ", " + k + "]" : "[" + allowed.length + ", " + q + ", " + k + "]";
    }

    @Override
    public String toString() {
        return "Mask.of(" + shapeText() + ")";
    }
}
