package com.example;

import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.testkit.PositionalEncodingContract;

/** Every law of the PositionalEncoding contract, run against your encoding. */
class MyPositionalEncodingContractTests implements PositionalEncodingContract {

    @Override
    public PositionalEncoding encoding() {
        return new MyPositionalEncoding(8);
    }
}
