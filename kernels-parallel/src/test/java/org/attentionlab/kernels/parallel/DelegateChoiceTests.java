package org.attentionlab.kernels.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.Kernels;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.kernels.blocked.BlockedKernel;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.junit.jupiter.api.Test;

/** How the parallel kernel picks the sequential kernel it runs on its threads. */
class DelegateChoiceTests {

    private final SplittableKernel blocked = new BlockedKernel();
    private final SplittableKernel fast = new RenamedKernel("fast", 50);
    private final SplittableKernel slow = new RenamedKernel("slow", 5);

    @Test
    void theFastestSplittableKernelIsChosen() {
        Kernels kernels = Kernels.of(new NaiveKernel(), slow, blocked, fast, new ParallelKernel());

        assertSame(fast, DelegateChoice.among(kernels, null));
        assertSame(fast, DelegateChoice.among(kernels, " "));
    }

    @Test
    void theParallelKernelIsNeverItsOwnDelegateAndTheBlockedKernelIsTheFallback() {
        Kernels kernels = Kernels.of(new NaiveKernel(), new ParallelKernel());

        assertInstanceOf(BlockedKernel.class, DelegateChoice.among(kernels, null));
    }

    @Test
    void theRequestedIdWins() {
        Kernels kernels = Kernels.of(blocked, fast, slow);

        assertSame(slow, DelegateChoice.among(kernels, "slow"));
        assertSame(blocked, DelegateChoice.among(kernels, " blocked "));
    }

    @Test
    void anUnknownIdIsRejectedWithTheChoices() {
        Kernels kernels = Kernels.of(new NaiveKernel(), blocked, fast);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DelegateChoice.among(kernels, "simd"));

        assertTrue(e.getMessage().contains(DelegateChoice.DELEGATE_PROPERTY), e.getMessage());
        assertTrue(e.getMessage().contains("'simd'"), e.getMessage());
        assertTrue(e.getMessage().contains("[fast, blocked]"), e.getMessage());
    }

    @Test
    void aKernelThatCannotBeSplitIsRejected() {
        Kernels kernels = Kernels.of(new NaiveKernel(), blocked, new ParallelKernel());

        for (String id : new String[] {"naive", "parallel"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DelegateChoice.among(kernels, id));
            assertTrue(e.getMessage().contains("'" + id + "'") && e.getMessage().contains("[blocked]"), e.getMessage());
        }
    }

    @Test
    void onThisClassPathTheDiscoveredDelegateIsTheBlockedKernel() {
        assertEquals(BlockedKernel.ID, new ParallelKernel().delegate().id());
    }
}
