package org.attentionlab.testkit;

import org.attentionlab.api.Kernel;

/**
 * What every law needs: the kernel under test, found by id through {@link java.util.ServiceLoader}.
 * The oracle it is compared with is the naive kernel, always; a test class cannot choose another.
 * Implement {@link KernelContract} rather than this.
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
}
