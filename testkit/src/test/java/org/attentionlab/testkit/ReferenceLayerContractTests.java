package org.attentionlab.testkit;

import org.attentionlab.api.AttentionLayer;

/** The kit checked against a correct layer: every law of the scaled dot-product contract must hold. */
class ReferenceLayerContractTests implements ScaledDotProductAttentionContract {

    @Override
    public AttentionLayer layer() {
        return new ReferenceLayer();
    }
}
