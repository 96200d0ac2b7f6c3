package org.attentionlab.testkit;

import org.attentionlab.api.Tensor;

/** Broken on purpose: a table that starts over past its last row instead of rejecting lengths it does not have. */
class CyclesPastTheTableEncoding extends TableEncoding {

    CyclesPastTheTableEncoding(int maxLength, int dModel, long seed) {
        super(maxLength, dModel, seed);
    }

    @Override
    public Tensor encodings(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("CyclesPastTheTableEncoding: length must be >= 0, got " + length);
        }
        return rows(length);
    }
}
