package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The laws can fail: run against deliberately broken kernels (registered in this module's test
 * resources), the law that targets the bug fails and an unrelated law still passes.
 */
class ContractCatchesBrokenKernelsTests {

    private final KernelContract dropsLastTerm = () -> DropsLastTermKernel.ID;
    private final KernelContract ignoresMask = () -> IgnoresMaskKernel.ID;

    @Test
    void matmulAgreementCatchesALostRemainderTerm() {
        List<Throwable> failures = Failures.of(dropsLastTerm.matmulAgreesWithNaive());

        assertTrue(failures.size() > 0, "no case with K > 64 was caught");
        assertTrue(failures.stream().allMatch(f -> f.getMessage().contains("disagrees with the naive kernel")),
                Failures.messages(failures));
        assertEquals(List.of(), Failures.of(dropsLastTerm.softmaxAgreesWithNaive()), "softmax is correct");
    }

    @Test
    void transposedAgreementCatchesALostRemainderTermToo() {
        assertTrue(Failures.of(dropsLastTerm.matmulWithTransposedRightAgreesWithNaive()).size() > 0);
    }

    @Test
    void maskLawsCatchAnIgnoredMask() {
        assertTrue(Failures.of(ignoresMask.maskedEntriesAreExactlyZero()).size() > 0);
        assertTrue(Failures.of(ignoresMask.fullyMaskedRowIsAllZeros()).size() > 0);
        assertTrue(Failures.of(ignoresMask.softmaxAgreesWithNaive()).size() > 0);
        assertEquals(List.of(), Failures.of(ignoresMask.matmulAgreesWithNaive()), "matmul is correct");
    }
}
