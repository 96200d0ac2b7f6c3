package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.attentionlab.api.AttentionLayer;
import org.junit.jupiter.api.Test;

/**
 * The attention laws can fail: run against deliberately broken layers (each {@link ReferenceLayer}
 * with one bug), the laws that target the bug fail and unrelated laws still pass.
 */
class ContractCatchesBrokenLayersTests {

    @Test
    void maskLawsCatchAnIgnoredMask() {
        ScaledDotProductAttentionContract contract = contract(IgnoresMaskLayer::new);

        assertFails(Failures.of(contract.causalMaskGivesZeroWeightToLaterKeys()), "later key");
        assertFails(Failures.of(contract.causalMaskMakesOutputIndependentOfLaterInputs()), "after changing the inputs");
        assertFails(Failures.of(contract.keyPaddingMakesOutputIndependentOfPaddedKeysAndValues()), "masked key");
        assertFails(Failures.of(contract.fullyMaskedQueryAttendsToNothing()), "masked key");
        assertFails(Failures.of(contract.agreesWithReferenceAttention()), "with the reference attention");
        assertEquals(List.of(), Failures.of(contract.permutingKeysAndValuesTogetherLeavesTheOutputUnchanged()));
    }

    @Test
    void failingMaskCaseIsShrunkToTheSmallest() {
        List<Throwable> failures = Failures.of(contract(IgnoresMaskLayer::new).causalMaskGivesZeroWeightToLaterKeys());

        assertTrue(failures.stream().allMatch(f -> f.getMessage().contains(
                "smallest failing case found by shrinking: B=1 T=2") || f.getMessage().contains("B=1 T=2, Mask.causal()")),
                Failures.messages(failures));
    }

    @Test
    void onlyTheReferenceCatchesAForgottenScale() {
        ScaledDotProductAttentionContract contract = contract(UnscaledLayer::new);

        assertFails(Failures.of(contract.agreesWithReferenceAttention()), "with the reference attention");
        // Every generic law holds: softmax(Q·Kᵀ)·V is a fine attention layer, just not the one asked for.
        assertEquals(List.of(), Failures.of(contract.weightsAreProbabilitiesThatSumToOne()));
        assertEquals(List.of(), Failures.of(contract.permutingQueriesPermutesTheOutputRows()));
        assertEquals(List.of(), Failures.of(contract.causalMaskMakesOutputIndependentOfLaterInputs()));
        assertNull(Failures.of(contract::courseWorkedExampleGivesTheTrueNumbers), "d_k = 1 there: the scale is 1");
    }

    @Test
    void referenceCatchesAOneOverDkScaleAndSaysWhichScaleTheWeightsMatch() {
        List<Throwable> failures = Failures.of(contract(DkScaleLayer::new).agreesWithReferenceAttention());

        assertFails(failures, "Hint: the weights match softmax(s · Q·Kᵀ) with s = 1/d_k");
        assertEquals(1, failures.stream().filter(f -> f instanceof LawFailure).count(), "one shrunk failure per law");
    }

    @Test
    void orderLawsCatchAPositionBuiltIntoTheLayer() {
        ScaledDotProductAttentionContract contract = contract(AddsPositionToQueriesLayer::new);

        assertFails(Failures.of(contract.permutingQueriesPermutesTheOutputRows()), "queries reordered");
        assertFails(Failures.of(contract.crossAttentionAllowsTqDifferentFromTk()), "attended alone");
        assertEquals(List.of(), Failures.of(contract.permutingKeysAndValuesTogetherLeavesTheOutputUnchanged()));
    }

    @Test
    void rejectionLawsCatchALayerThatChecksNothing() {
        ScaledDotProductAttentionContract contract = contract(UncheckedLayer::new);

        assertFails(List.of(Failures.of(() -> contract.emptySequencesAreRejected("query", 1))),
                "expected IllegalArgumentException");
        assertFails(List.of(Failures.of(() -> contract.mismatchedKeyAndValueLengthsAreRejected(2, 5, 4))),
                "should mention UncheckedLayer");
        assertFails(List.of(Failures.of(() -> contract.illFittingMasksAreRejected("causal", 2, 3, 5))),
                "should mention UncheckedLayer");
        assertNull(Failures.of(contract::nullArgumentsAreRejected));
        assertEquals(List.of(), Failures.of(contract.agreesWithReferenceAttention()));
    }

    @Test
    void threadLawSkipsCasesThatFailOnOneThread() {
        ScaledDotProductAttentionContract contract = contract(UncheckedLayer::new);

        assertNull(Failures.of(contract::forwardIsDeterministicAndThreadSafe), "a layer that is right on one thread");
    }

    @Test
    void threadLawCatchesPerCallStateInAField() {
        ScaledDotProductAttentionContract contract = contract(RacyLayer::new);

        Throwable failure = Failures.of(contract::forwardIsDeterministicAndThreadSafe);

        assertNotNull(failure, "8 threads sharing one field were not caught");
        assertTrue(failure.getMessage().contains("threads at once"), failure.getMessage());
        assertEquals(List.of(), Failures.of(contract.weightsAreProbabilitiesThatSumToOne()), "correct on one thread");
    }

    @Test
    void theCorrectLayerPassesTheLawsTheBrokenOnesFail() {
        ScaledDotProductAttentionContract contract = contract(ReferenceLayer::new);

        assertEquals(List.of(), Failures.of(contract.agreesWithReferenceAttention()));
        assertEquals(List.of(), Failures.of(contract.causalMaskMakesOutputIndependentOfLaterInputs()));
        assertNull(Failures.of(contract::forwardIsDeterministicAndThreadSafe));
    }

    /** The scaled dot-product contract for layers made by {@code layer}, with the default inputs. */
    private static ScaledDotProductAttentionContract contract(Supplier<AttentionLayer> layer) {
        return layer::get;
    }

    private static void assertFails(List<Throwable> failures, String mention) {
        assertFalse(failures.isEmpty(), "the law did not catch the bug");
        assertTrue(failures.stream().anyMatch(f -> f.getMessage().contains(mention)),
                "no failure mentions \"" + mention + "\":\n" + Failures.messages(failures));
    }
}
