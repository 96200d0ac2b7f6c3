package org.attentionlab.kernels.blocked;

import org.attentionlab.testkit.KernelContract;

/** The whole Kernel contract, run against the blocked kernel as registered. */
class BlockedKernelContractTests implements KernelContract {

    @Override
    public String kernelId() {
        return BlockedKernel.ID;
    }
}
