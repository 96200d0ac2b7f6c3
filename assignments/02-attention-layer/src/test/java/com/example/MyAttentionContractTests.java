package com.example;

import org.attentionlab.api.AttentionLayer;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.ScaledDotProductAttentionContract;

/** Every law of scaled dot-product attention, run against your layer on the reference kernel. */
class MyAttentionContractTests implements ScaledDotProductAttentionContract {

    @Override
    public AttentionLayer layer() {
        return new MyAttention(new NaiveKernel());
    }
}
