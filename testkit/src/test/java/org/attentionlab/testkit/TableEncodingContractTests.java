package org.attentionlab.testkit;

import java.util.OptionalInt;
import org.attentionlab.api.PositionalEncoding;

/** The kit checked against a correct encoding with a maximum length (a 20-row table): every law must hold. */
class TableEncodingContractTests implements PositionalEncodingContract {

    @Override
    public PositionalEncoding encoding() {
        return new TableEncoding(20, 5, 3);
    }

    @Override
    public OptionalInt maxLength() {
        return OptionalInt.of(20);
    }
}
