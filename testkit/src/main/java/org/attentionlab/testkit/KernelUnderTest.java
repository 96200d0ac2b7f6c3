package org.attentionlab.testkit;

import org.attentionlab.api.Kernel;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * What every law needs: the kernel under test, found by id through {@link java.util.ServiceLoader},
 * and the oracle it is compared with. Implement {@link KernelContract} rather than this.
 */
public interface KernelUnderTest {

    /** The id of the kernel under test, as its {@link Kernel#id()} returns it, e.g. {@code "blocked"}. */
    String kernelId();

    /**
     * The kernel under test, discovered through {@code META-INF/services/org.attentionlab.api.Kernel}
     * exactly as the application discovers it. Fails with instructions if it is not registered.
     * Not meant to be overridden: the registration is part of what the kit checks.
     */
    default Kernel kernel() {
        return KernelLookup.byId(kernelId());
    }

    /** The reference kernel every result is compared with. */
    default Kernel oracle() {
        return new NaiveKernel();
    }
}
