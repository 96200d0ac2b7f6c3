package org.attentionlab.position;

import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.testkit.PositionalEncodingContract;

/** {@link SinusoidalPositionalEncoding} against the positional-encoding contract of the test kit: any length works. */
class SinusoidalPositionalEncodingContractTests implements PositionalEncodingContract {

    @Override
    public PositionalEncoding encoding() {
        return new SinusoidalPositionalEncoding(8);
    }
}
