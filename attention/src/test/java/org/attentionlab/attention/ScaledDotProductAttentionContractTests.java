package org.attentionlab.attention;

import org.attentionlab.api.AttentionLayer;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.ScaledDotProductAttentionContract;

/** {@link ScaledDotProductAttention} against the whole scaled dot-product attention contract of the test kit. */
class ScaledDotProductAttentionContractTests implements ScaledDotProductAttentionContract {

    @Override
    public AttentionLayer layer() {
        return new ScaledDotProductAttention(new NaiveKernel());
    }
}
