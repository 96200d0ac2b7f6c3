package org.attentionlab.testkit;

/**
 * Contracts of two broken kernels, run by {@link GradingReportTests} through the JUnit Platform as
 * a student's build would run them (named so that Surefire does not run them itself).
 */
final class GradedKernels {

    private GradedKernels() {
    }

    /** The kernel that forgets the row maximum. */
    static final class NoRowMaximum implements KernelContract {
        @Override
        public String kernelId() {
            return NoRowMaximumKernel.ID;
        }
    }

    /** The kernel that ignores masks. */
    static final class IgnoresMask implements KernelContract {
        @Override
        public String kernelId() {
            return IgnoresMaskKernel.ID;
        }
    }
}
