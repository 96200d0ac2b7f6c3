package org.attentionlab.position;

import java.util.OptionalInt;
import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.testkit.PositionalEncodingContract;

/** {@link LearnedPositionalEncoding} against the positional-encoding contract of the test kit: a random 32-row table. */
class LearnedPositionalEncodingContractTests implements PositionalEncodingContract {

    private static final int MAX_LENGTH = 32;

    @Override
    public PositionalEncoding encoding() {
        return LearnedPositionalEncoding.random(MAX_LENGTH, 8, 42);
    }

    @Override
    public OptionalInt maxLength() {
        return OptionalInt.of(MAX_LENGTH);
    }
}
