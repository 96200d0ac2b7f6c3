package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The kit finds kernels through ServiceLoader and explains what to do when one is missing. */
class KernelLookupTests {

    @Test
    void unregisteredKernelFailsWithInstructions() {
        KernelUnderTest missing = () -> "no-such-kernel";

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, missing::kernel);

        String message = failure.getMessage();
        assertTrue(message.contains("'no-such-kernel'"), message);
        assertTrue(message.contains("META-INF/services/org.attentionlab.api.Kernel"), message);
        assertTrue(message.contains("naive"), "lists the kernels that were found: " + message);
    }

    @Test
    void registeredKernelIsFoundOnceAndShared() {
        KernelUnderTest naive = () -> "naive";

        assertSame(naive.kernel(), naive.kernel());
        assertTrue(naive.kernel().getClass().getName().endsWith("NaiveKernel"));
    }
}
