package org.attentionlab.api;

import java.util.Objects;

/**
 * The kernel {@link Kernels#defaultChoice()} picks and why, in one sentence a listing or a tour
 * can print as it is ("chosen by -Dattentionlab.kernel=naive", "the highest priority (20) of 3
 * kernels"). The one place the reason is worded.
 *
 * @param kernel the default kernel
 * @param reason why it is the default, lower-case, without a final full stop
 */
public record KernelChoice(Kernel kernel, String reason) {

    public KernelChoice {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(reason, "reason");
    }
}
