package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The kernel laws can fail: run against deliberately broken kernels (registered in this module's
 * test resources, one bug each), the law that targets the bug fails, with a small case and where
 * the evidence is clear a hint, and an unrelated law still passes.
 */
class ContractCatchesBrokenKernelsTests {

    private static KernelContract contract(String id) {
        return () -> id;
    }

    @Test
    void matmulAgreementCatchesALostRemainderTermAndShrinksOnlyItsFirstFailure() {
        KernelContract dropsLastTerm = contract(DropsLastTermKernel.ID);
        List<Throwable> failures = Failures.of(dropsLastTerm.matmulAgreesWithNaive());

        assertFails(failures, "disagrees with the naive kernel");
        assertTrue(failures.stream().allMatch(f -> f.getMessage().contains("disagrees with the naive kernel")),
                Failures.messages(failures));
        assertTrue(failures.get(0) instanceof LawFailure, "the first failure is the law's, shrunk");
        assertTrue(failures.get(0).getStackTrace().length > 0);
        assertTrue(failures.size() > 1, "several cases have K > 64");
        for (Throwable later : failures.subList(1, failures.size())) {
            assertTrue(later instanceof LawFailure.AlsoFails, "later cases are aborted, not failed: " + later);
            assertEquals(0, later.getStackTrace().length);
            assertTrue(later.getMessage().startsWith("Also fails for"), later.getMessage());
        }
        assertFails(Failures.of(dropsLastTerm.matmulWithTransposedRightAgreesWithNaive()), "(transposed)");
        assertNull(Failures.of(dropsLastTerm::nanOrPlusInfinityMakesItsRowNaN), "softmax is correct");
    }

    @Test
    void maskLawsCatchAnIgnoredMask() {
        KernelContract ignoresMask = contract(IgnoresMaskKernel.ID);
        assertFails(Failures.of(ignoresMask.maskedEntriesAreExactlyZero()), "has weight");
        assertFails(Failures.of(ignoresMask.fullyMaskedRowIsAllZeros()), "allows no key");
        assertFails(Failures.of(ignoresMask.attentionAgreesWithComposedAttention()), "attention output");
        assertNull(Failures.of(ignoresMask::matmulOverflowsOnlyWhereItsTermsExceedTheFloatRange), "matmul is correct");
    }

    @Test
    void softmaxLawsCatchAForgottenRowMaximumAndSayWhy() {
        KernelContract noMaximum = contract(NoRowMaximumKernel.ID);

        assertFails(Failures.of(noMaximum.softmaxRowsSumToOne()), "Was the row's largest allowed score subtracted");
        assertFails(Failures.of(noMaximum.softmaxAgreesWithNaive()), "Was the row's largest allowed score subtracted");
        assertEquals(List.of(), Failures.of(noMaximum.matmulAgreesWithNaive()), "matmul is right");
    }

    @Test
    void transposedAgreementCatchesAnIgnoredTranspose() {
        KernelContract ignoresTranspose = contract(IgnoresTransposeKernel.ID);

        assertFails(Failures.of(ignoresTranspose.matmulWithTransposedRightAgreesWithNaive()), "(transposed)");
        assertNull(Failures.of(ignoresTranspose::nanOrPlusInfinityMakesItsRowNaN), "softmax is right");
    }

    @Test
    void matmulAgreementCatchesAWrongBatchBroadcast() {
        KernelContract wrongBroadcast = contract(WrongBroadcastKernel.ID);

        List<Throwable> failures = Failures.of(wrongBroadcast.matmulAgreesWithNaive());

        assertFails(failures, "disagrees with the naive kernel");
        String smallest = ((LawFailure) failures.get(0)).smallest();
        assertTrue(smallest.matches("left \\[\\d+, \\d+, 1, 1\\] = .* · right \\[\\d+, \\d+, 1, 1\\] = .*"), smallest);
    }

    @Test
    void overflowLawCatchesClampedInfinities() {
        KernelContract clamps = contract(ClampsOverflowKernel.ID);

        Throwable failure = Failures.of(clamps::matmulOverflowsOnlyWhereItsTermsExceedTheFloatRange);

        assertNotNull(failure, "3.4e38 where the sum is 3e38 or ∞ was not caught");
        assertTrue(failure.getMessage().contains("the terms overflow float"), failure.getMessage());
        assertNull(Failures.of(clamps::nullArgumentsAreRejected));
    }

    @Test
    void scaleLawsCatchAnIgnoredScaleAndSayWhy() {
        KernelContract ignoresScale = contract(IgnoresScaleKernel.ID);

        assertFails(Failures.of(ignoresScale.softmaxWithAScaleIsTheSoftmaxOfTheScaledScores()),
                "was the scale argument ignored?");
        assertNotNull(Failures.of(() -> ignoresScale.badScalesAreRejected(Float.NaN)), "NaN accepted");
        assertNotNull(Failures.of(() -> ignoresScale.badScalesAreRejected(0f)), "0 accepted");
        assertFails(Failures.of(ignoresScale.attentionWeightsAreTheSoftmaxOfTheScaledScores()),
                "with s = 1 (no scale)");
        assertNull(Failures.of(ignoresScale::nanOrPlusInfinityMakesItsRowNaN), "scale 1 is right");
    }

    @Test
    void fusedAttentionLawCatchesAForgottenRescaleAndShrinksPastOneTile() {
        KernelContract forgets = contract(ForgetsRescalingKernel.ID);

        List<Throwable> failures = Failures.of(forgets.attentionAgreesWithComposedAttention());

        assertFails(failures, "attention output disagrees with the naive kernel's composed attention");
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("key \\[(?:\\d+, )*(\\d+), 1\\]")
                .matcher(((LawFailure) failures.get(0)).smallest());
        assertTrue(key.find() && Integer.parseInt(key.group(1)) > 16, "shrunk to Dk = 1 and past one tile of 16 keys: "
                + failures.get(0).getMessage());
        assertEquals(List.of(), Failures.of(forgets.maskedKeysAndValuesNeverReachTheOutput()));
    }

    @Test
    void maskedValuesLawCatchesZeroTimesNaN() {
        KernelContract leaks = contract(LeaksMaskedValuesKernel.ID);

        assertFails(Failures.of(leaks.maskedKeysAndValuesNeverReachTheOutput()), "with NaN and ±∞ in the keys and values");
        assertEquals(List.of(), Failures.of(leaks.attentionAgreesWithComposedAttention()), "finite inputs are right");
    }

    @Test
    void allowedNaNLawCatchesAKernelThatHidesNaNs() {
        KernelContract hides = contract(HidesNaNKernel.ID);

        assertFails(Failures.of(hides.nanInAnAllowedValueReachesTheQueriesThatAttendToIt()), "not NaN");
        assertNull(Failures.of(hides::nullArgumentsAreRejected));
    }

    @Test
    void rowWorkLawsCatchStateKeptBetweenRanges() {
        KernelContract stateful = contract(StatefulRowsKernel.ID);

        assertFails(Failures.of(stateful.matmulRowsAreIndependentOfTheGrouping()), "computed in the range");
        assertFails(Failures.of(stateful.softmaxRowsAreIndependentOfTheGrouping()), "computed in the range");
        assertFails(Failures.of(stateful.attentionRowsAreIndependentOfTheGrouping()), "computed in the range");
        assertEquals(List.of(), Failures.of(stateful.matmulAgreesWithNaive()), "computeAll is right");
    }

    @Test
    void preparationLawCatchesPiecesThatAssumeTheirOrder() {
        KernelContract inOrder = contract(PacksInOrderKernel.ID);

        assertFails(Failures.of(inOrder.preparationPiecesRunInAnyOrder()), "preparation pieces run in the order");
        assertEquals(List.of(), Failures.of(inOrder.matmulRowsAreIndependentOfTheGrouping()), "rows are right");
        Throwable skipped = Failures.of(() -> contract(StatefulRowsKernel.ID).preparationPiecesRunInAnyOrder());
        assertInstanceOf(TestAbortedException.class, skipped, "no pieces, nothing to check");
    }

    @Test
    void rowWorkLawsSkipAKernelThatIsNotSplittable() {
        Throwable skipped = Failures.of(() -> contract("naive").matmulRowsAreIndependentOfTheGrouping());
        assertInstanceOf(TestAbortedException.class, skipped);
    }

    @Test
    void concurrencyLawCatchesASharedScratchBuffer() {
        Throwable failure = Failures.of(contract(RacyKernel.ID)::concurrentCallsAgree);

        assertNotNull(failure, "8 threads sharing one buffer were not caught");
        assertTrue(failure.getMessage().contains("threads at once"), failure.getMessage());
    }

    @Test
    void concurrencyLawDoesNotReportAGoneWrongCalculationAgain() {
        Throwable failure = Failures.of(contract(IgnoresMaskKernel.ID)::concurrentCallsAgree);

        assertInstanceOf(TestAbortedException.class, failure, "skipped, not failed: the bug is not about threads");
        assertTrue(failure.getMessage().contains("fails on one thread too: see softmaxAgreesWithNaive"), failure.getMessage());
        assertTrue(failure.getMessage().contains("all agreed"), "the matmul calls still ran: " + failure.getMessage());
    }

    @Test
    void badShapeLawCatchesAKernelThatChecksNothing() {
        Throwable failure = Failures.of(() -> contract(IgnoresTransposeKernel.ID).badShapesAreRejected("x",
                kernel -> kernel.matmul(org.attentionlab.api.Tensor.zeros(2, 3), org.attentionlab.api.Tensor.zeros(3, 2),
                        org.attentionlab.api.RightOperand.AS_IS), "matmul"));
        assertNotNull(failure, "a call that fits is not rejected, and the law says so");
        assertNull(Failures.of(() -> contract("naive").nullArgumentsAreRejected()));
    }

    private static void assertFails(List<Throwable> failures, String mention) {
        assertFalse(failures.isEmpty(), "the law did not catch the bug");
        assertTrue(failures.stream().anyMatch(f -> f.getMessage().contains(mention)),
                "no failure mentions \"" + mention + "\":\n" + Failures.messages(failures));
    }
}
