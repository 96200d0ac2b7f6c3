package org.attentionlab.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.Bias;
import org.attentionlab.attention.MultiHeadAttention;
import org.attentionlab.attention.MultiHeadAttentionFactory;
import org.attentionlab.attention.ScaledDotProductAttention;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.junit.jupiter.api.Test;

class AttentionModuleTests {

    /**
     * Guice 7.0.0 calls sun.misc.Unsafe, which JDK 24+ warns about on standard error in every test
     * run; the build's jdk-24-or-newer profile allows it for the test JVM (JDK 17 rejects the flag).
     */
    @Test
    void onJdk24OrNewerTheTestsRunWithUnsafeMemoryAccessAllowed() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 24, "only JDK 24+ warns");
        assertTrue(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("--sun-misc-unsafe-memory-access=allow"), "the jdk-24-or-newer profile's flag is missing");
    }

    @Test
    void bindsTheKernelChosenById() {
        Injector injector = Guice.createInjector(AttentionModule.withKernel("naive"));
        assertEquals("naive", injector.getInstance(Kernel.class).id());
        assertSame(injector.getInstance(Kernel.class), injector.getInstance(Kernel.class), "discovered once");
        assertEquals("naive", injector.getInstance(ScaledDotProductAttention.class).kernel().id());
    }

    @Test
    void defaultKernelIsTheHighestPriority() {
        Kernel expected = Kernels.discover(getClass().getClassLoader(), line -> { }).all().get(0);
        Injector injector = Guice.createInjector(AttentionModule.withDefaultKernel());
        assertEquals(expected.id(), injector.getInstance(Kernel.class).id());
    }

    @Test
    void defaultKernelFollowsTheSystemProperty() {
        String previous = System.getProperty(Kernels.KERNEL_PROPERTY);
        System.setProperty(Kernels.KERNEL_PROPERTY, "blocked");
        try {
            Injector injector = Guice.createInjector(AttentionModule.withDefaultKernel());
            assertEquals("blocked", injector.getInstance(Kernel.class).id());
        } finally {
            if (previous == null) {
                System.clearProperty(Kernels.KERNEL_PROPERTY);
            } else {
                System.setProperty(Kernels.KERNEL_PROPERTY, previous);
            }
        }
    }

    @Test
    void bindsAGivenKernelInstance() {
        Kernel mine = new NaiveKernel();
        Injector injector = Guice.createInjector(AttentionModule.withKernel(mine));
        assertSame(mine, injector.getInstance(Kernel.class));
        MultiHeadAttention mha = injector.getInstance(MultiHeadAttentionFactory.class).create(8, 2, Bias.NONE, 1);
        assertSame(mine, mha.kernel());
    }

    @Test
    void unknownKernelIdFailsListingTheIdsThatExist() {
        Injector injector = Guice.createInjector(AttentionModule.withKernel("gpu"));
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(Kernel.class));
        assertTrue(e.getMessage().contains("unknown kernel id 'gpu'") && e.getMessage().contains("naive"), e.getMessage());
    }

    @Test
    void layersFromTheInjectorEqualLayersBuiltByHand() {
        Injector injector = Guice.createInjector(AttentionModule.withKernel("naive"));
        MultiHeadAttention injected = injector.getInstance(MultiHeadAttentionFactory.class).create(8, 2, Bias.ZEROS, 3);
        MultiHeadAttention byHand = MultiHeadAttention.initialized(new NaiveKernel(), 8, 2, Bias.ZEROS, 3);
        Tensor x = Tensor.randomNormal(4, 1, 5, 8);
        assertEquals(byHand.selfAttention(x, org.attentionlab.api.Mask.none()).output(),
                injected.selfAttention(x, org.attentionlab.api.Mask.none()).output());
    }

    @Test
    void twoModulesBindingTheKernelConflict() {
        CreationException e = assertThrows(CreationException.class, () -> Guice.createInjector(
                AttentionModule.withKernel(new NaiveKernel()), AttentionModule.withKernel("naive")));
        assertTrue(e.getMessage().contains(Kernel.class.getName()), e.getMessage());
    }
}
