package org.attentionlab.testkit;

import org.attentionlab.api.PositionalEncoding;

/** The kit checked against a correct encoding without a maximum length: every law must hold. */
class SinusoidalEncodingContractTests implements PositionalEncodingContract {

    @Override
    public PositionalEncoding encoding() {
        return new SinusoidalEncoding(6);
    }
}
