package com.example;

import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;

/**
 * Your positional encoding: a vector per position, added to the token embeddings so that
 * attention can tell "dog bites man" from "man bites dog" (section 3.5 of Vaswani et al. 2017).
 * Sinusoidal, learned, or something of your own (ASSIGNMENT.md has ideas).
 */
public final class MyPositionalEncoding implements PositionalEncoding {

    private final int dModel;

    public MyPositionalEncoding(int dModel) {
        if (dModel < 1) {
            throw new IllegalArgumentException("MyPositionalEncoding: dModel must be >= 1, got " + dModel);
        }
        this.dModel = dModel;
    }

    @Override
    public int dModel() {
        return dModel;
    }

    /** {@code [T, D]} with {@code T = length}: row {@code t} is position {@code t}'s vector. */
    @Override
    public Tensor encodings(int length) {
        throw new UnsupportedOperationException("not implemented yet: MyPositionalEncoding.encodings(" + length + ")");
    }
}
