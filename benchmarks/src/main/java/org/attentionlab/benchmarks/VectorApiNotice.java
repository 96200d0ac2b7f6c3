package org.attentionlab.benchmarks;

import java.util.Optional;

/**
 * The one sentence a benchmark main prints when its own JVM lacks the Vector API. The forks add
 * {@code --add-modules jdk.incubator.vector} themselves, but the kernels to measure are discovered
 * in the main JVM: without the flag there, the simd kernel is skipped by discovery and never
 * measured, while the parallel kernel in the forks quietly delegates to it.
 */
public final class VectorApiNotice {

    private VectorApiNotice() {
    }

    /** The warning, or empty when this JVM has {@code jdk.incubator.vector}. */
    public static Optional<String> ifMissing() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? Optional.empty()
                : Optional.of("This JVM runs without the Vector API, so the simd kernel is not measured (and parallel,"
                        + " which delegates to it in the forks, is not comparable): run java with"
                        + " --add-modules jdk.incubator.vector.");
    }
}
