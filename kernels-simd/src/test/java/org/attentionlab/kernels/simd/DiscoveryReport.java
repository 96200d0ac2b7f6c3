package org.attentionlab.kernels.simd;

import org.attentionlab.api.KernelLoadFailure;
import org.attentionlab.api.Kernels;

/**
 * Run in a child JVM by {@link VectorApiUnavailableTests}: discovers the kernels and prints what it
 * found, one line each: {@code ids [...]}, then {@code skipped <provider>: <reason>} per failure.
 */
public final class DiscoveryReport {

    private DiscoveryReport() {
    }

    public static void main(String[] args) {
        Kernels kernels = Kernels.discover(DiscoveryReport.class.getClassLoader(), line -> { });
        System.out.println("ids " + kernels.ids());
        for (KernelLoadFailure failure : kernels.failures()) {
            System.out.println("skipped " + failure);
        }
    }
}
