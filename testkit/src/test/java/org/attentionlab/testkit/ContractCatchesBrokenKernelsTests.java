package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
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
        List<Throwable> failures = failuresOf(dropsLastTerm.matmulAgreesWithNaive());

        assertTrue(failures.size() > 0, "no case with K > 64 was caught");
        assertTrue(failures.stream().allMatch(f -> f.getMessage().contains("disagrees with the naive kernel")),
                messages(failures));
        assertEquals(List.of(), failuresOf(dropsLastTerm.softmaxAgreesWithNaive()), "softmax is correct");
    }

    @Test
    void transposedAgreementCatchesALostRemainderTermToo() {
        assertTrue(failuresOf(dropsLastTerm.matmulWithTransposedRightAgreesWithNaive()).size() > 0);
    }

    @Test
    void maskLawsCatchAnIgnoredMask() {
        assertTrue(failuresOf(ignoresMask.maskedEntriesAreExactlyZero()).size() > 0);
        assertTrue(failuresOf(ignoresMask.fullyMaskedRowIsAllZeros()).size() > 0);
        assertTrue(failuresOf(ignoresMask.softmaxAgreesWithNaive()).size() > 0);
        assertEquals(List.of(), failuresOf(ignoresMask.matmulAgreesWithNaive()), "matmul is correct");
    }

    /** Runs every dynamic test and collects what they threw. */
    private static List<Throwable> failuresOf(Stream<DynamicTest> tests) {
        return tests.map(test -> {
            try {
                test.getExecutable().execute();
                return null;
            } catch (Throwable t) {
                return t;
            }
        }).filter(t -> t != null).collect(Collectors.toList());
    }

    private static String messages(List<Throwable> failures) {
        return failures.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"));
    }
}
