package org.attentionlab.testkit;

import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.Tensor;

/**
 * The generic laws with inputs of another rank than the default: {@code [B, T, 3]} (one head),
 * so weights are {@code [B, Tq, Tk]}. Every law must hold.
 */
class ReferenceLayerOnBatchedSequencesContractTests implements AttentionLayerContract {

    @Override
    public AttentionLayer layer() {
        return new ReferenceLayer();
    }

    @Override
    public Tensor input(long seed, int batch, int length) {
        return Tensor.randomNormal(seed, batch, length, 3); // [B, T, Dk]
    }
}
