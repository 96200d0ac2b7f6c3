package org.attentionlab.kernels.parallel;

import org.attentionlab.testkit.KernelContract;

/** The whole Kernel contract, run against the parallel kernel as registered (on the common pool). */
class ParallelKernelContractTests implements KernelContract {

    @Override
    public String kernelId() {
        return ParallelKernel.ID;
    }
}
