package com.example;

import org.attentionlab.testkit.KernelContract;

/** Every law of the Kernel contract, run against your kernel and compared with the naive reference. */
class MyKernelContractTests implements KernelContract {

    @Override
    public String kernelId() {
        return "my-kernel";
    }
}
