package org.attentionlab.kernels.simd;

import org.attentionlab.testkit.KernelContract;

/** The whole Kernel contract, run against the simd kernel as registered. */
class SimdKernelContractTests implements KernelContract {

    @Override
    public String kernelId() {
        return SimdKernel.ID;
    }
}
