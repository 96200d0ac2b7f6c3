package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.attentionlab.api.PositionalEncoding;
import org.junit.jupiter.api.Test;

/**
 * The positional-encoding laws can fail: run against deliberately broken encodings, the law
 * that targets the bug fails and unrelated laws still pass.
 */
class ContractCatchesBrokenEncodingsTests {

    @Test
    void prefixLawCatchesAnEncodingThatDependsOnTheLength() {
        PositionalEncodingContract contract = () -> new LengthDependentEncoding(6);

        List<Throwable> failures = Failures.of(contract.encodingOfAPositionDoesNotDependOnSequenceLength());

        assertFalse(failures.isEmpty(), "pos / T was not caught");
        assertTrue(failures.get(0).getMessage().contains("is not the first"), failures.get(0).getMessage());
        assertEquals(List.of(), Failures.of(contract.encodingsAreTByD()));
        assertEquals(List.of(), Failures.of(contract.addToAddsTheSameEncodingsToEverySequenceOfABatch()));
    }

    @Test
    void distinctnessCatchesPositionsThatWrapAround() {
        PositionalEncodingContract contract = () -> new WrapsAroundEncoding(6);

        Throwable failure = Failures.of(contract::distinctPositionsGetDistinctEncodings);

        assertNotNull(failure, "positions 0 and 10 share a vector");
        assertTrue(failure.getMessage().contains("positions 0 and 10"), failure.getMessage());
        assertEquals(List.of(), Failures.of(contract.encodingOfAPositionDoesNotDependOnSequenceLength()));
    }

    @Test
    void lengthLawCatchesATableThatStartsOver() {
        PositionalEncodingContract contract = new PositionalEncodingContract() {
            @Override
            public PositionalEncoding encoding() {
                return new CyclesPastTheTableEncoding(20, 5, 3);
            }

            @Override
            public OptionalInt maxLength() {
                return OptionalInt.of(20);
            }
        };

        Throwable failure = Failures.of(contract::negativeOrTooLongLengthsAreRejected);

        assertNotNull(failure, "encodings(21) of a 20-row table was not caught");
        assertTrue(failure.getMessage().contains("encodings(21)"), failure.getMessage());
        assertNull(Failures.of(contract::distinctPositionsGetDistinctEncodings));
    }

    @Test
    void addToLawCatchesEncodingsAddedToTheFirstSequenceOnly() {
        PositionalEncodingContract contract = () -> new FirstSequenceOnlyEncoding(6);

        List<Throwable> failures = Failures.of(contract.addToAddsTheSameEncodingsToEverySequenceOfABatch());

        assertFalse(failures.isEmpty(), "B > 1 was not caught");
        assertTrue(failures.stream().allMatch(f -> f.getMessage().contains("B=2")), Failures.messages(failures));
        assertNull(Failures.of(contract::addToRejectsTheWrongWidth));
    }
}
