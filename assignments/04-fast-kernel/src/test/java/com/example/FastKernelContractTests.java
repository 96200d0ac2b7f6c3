package com.example;

import org.attentionlab.testkit.KernelContract;

/** Every law of the Kernel contract, run against your fast kernel and compared with the naive reference. */
class FastKernelContractTests implements KernelContract {

    @Override
    public String kernelId() {
        return "fast-kernel";
    }
}
