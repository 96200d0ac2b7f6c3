package org.attentionlab.cli;

import org.attentionlab.api.Kernels;

/**
 * Why the default kernel is the default, said the same way by the tour's header and by the
 * {@code kernels} listing: the highest priority, or the system property {@value Kernels#KERNEL_PROPERTY}.
 *
 * <p>{@link Kernels#defaultKernel()} makes the choice; this only words it. Kept to this one
 * method so that it can ask {@code Kernels} for the reason once the api says it itself.
 */
final class DefaultKernelReason {

    private DefaultKernelReason() {
    }

    /** {@code "the highest priority"} or {@code "chosen by -Dattentionlab.kernel=<id>"}. */
    static String current() {
        String property = System.getProperty(Kernels.KERNEL_PROPERTY);
        return property == null || property.isBlank()
                ? "the highest priority"
                : "chosen by -D" + Kernels.KERNEL_PROPERTY + "=" + property.strip();
    }
}
