package org.attentionlab.testkit;

/** The kit checked against the oracle itself: every law must hold for the naive kernel. */
class NaiveKernelContractTests implements KernelContract {

    @Override
    public String kernelId() {
        return "naive";
    }
}
