package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attentionlab.api.RightOperand;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Case generation and shrinking, checked with laws whose failing cases are known in advance. */
class ForAllTests {

    @Test
    void failingCaseShrinksToTheSmallestThatStillFails() {
        MatmulCase big = new MatmulCase(List.of(2, 3), 100, 50, 129, true, RightOperand.AS_IS, 7);

        // A made-up law that fails exactly when M >= 5 and N >= 65: shrinking must find M = 5, N = 65
        // and simplify everything else away (no batch dimensions, K = 1).
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> ForAll.check(big, c ->
                assertTrue(c.m() < 5 || c.n() < 65, "fails")));

        assertTrue(failure.getMessage().contains("smallest failing case found by shrinking: left [5, 1] · right [1, 65]"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("Fails for " + big), failure.getMessage());
    }

    @Test
    void aLawThatHoldsPasses() {
        MatmulCase c = new MatmulCase(List.of(2), 3, 4, 5, false, RightOperand.TRANSPOSED, 1);
        assertDoesNotThrow(() -> ForAll.check(c, x -> assertEquals(3, x.m())));
    }

    @Test
    void kernelExceptionsCountAsFailures() {
        MatmulCase c = new MatmulCase(List.of(), 3, 4, 5, false, RightOperand.AS_IS, 1);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> ForAll.check(c, x -> {
            throw new ArrayIndexOutOfBoundsException("tile overrun");
        }));
        assertTrue(failure.getMessage().contains("tile overrun"), failure.getMessage());
    }

    @Test
    void generatedCasesAreReproducibleSmallestFirstAndWithinBudget() {
        List<MatmulCase> cases = MatmulCase.random(99, 60, RightOperand.AS_IS);

        assertEquals(cases, MatmulCase.random(99, 60, RightOperand.AS_IS), "same seed, same cases");
        assertEquals(60, cases.size());
        for (int i = 1; i < cases.size(); i++) {
            assertTrue(cases.get(i - 1).multiplyAdds() <= cases.get(i).multiplyAdds(), "sorted by size");
        }
        assertTrue(cases.stream().allMatch(c -> c.multiplyAdds() <= MatmulCase.MAX_MULTIPLY_ADDS));
        assertTrue(cases.stream().anyMatch(c -> c.k() == 0), "an empty sum is among the cases");
        assertTrue(cases.stream().anyMatch(MatmulCase::rightShared), "a shared right operand is among the cases");
        assertTrue(cases.stream().anyMatch(c -> c.m() > 64 || c.n() > 64 || c.k() > 64), "a size beyond one tile");
    }

    @Test
    void badSettingsFailLoudlyWithWhatToGive() {
        for (String bad : new String[] {"abc", "0", "-3", "1.5", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForAll.parseTries(bad));
            assertTrue(e.getMessage().contains("-Dattentionlab.testkit.tries=" + bad + " "), e.getMessage());
            assertTrue(e.getMessage().contains("such as -Dattentionlab.testkit.tries=500"), e.getMessage());
        }
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class, () -> ForAll.baseSeed("abc"));
        assertTrue(seed.getMessage().contains("-Dattentionlab.testkit.seed=abc is not a whole number"), seed.getMessage());
        assertEquals(7, ForAll.parseTries(" 7 "));
        assertEquals(-42, ForAll.baseSeed("-42"));
    }

    @Test
    void aBadTriesPropertyFailsEveryLawInsteadOfBeingIgnored() {
        String before = System.getProperty(ForAll.TRIES_PROPERTY);
        System.setProperty(ForAll.TRIES_PROPERTY, "abc");
        try {
            assertThrows(IllegalArgumentException.class, () -> ForAll.tries(10));
            KernelContract naive = () -> "naive";
            assertThrows(IllegalArgumentException.class, naive::matmulAgreesWithNaive);
        } finally {
            if (before == null) {
                System.clearProperty(ForAll.TRIES_PROPERTY);
            } else {
                System.setProperty(ForAll.TRIES_PROPERTY, before);
            }
        }
    }

    @Test
    void theSeedOfALawIsDerivedFromItsMethodAndTheBaseSeed() {
        assertEquals(aLaw(), aLaw(), "the same law, the same cases");
        assertNotEquals(aLaw(), anotherLaw(), "another law, other cases");
        long withTheDefault = aLaw();
        String before = System.getProperty(ForAll.SEED_PROPERTY);
        System.setProperty(ForAll.SEED_PROPERTY, "42");
        try {
            assertNotEquals(withTheDefault, aLaw(), "another base seed, other cases");
        } finally {
            if (before == null) {
                System.clearProperty(ForAll.SEED_PROPERTY);
            } else {
                System.setProperty(ForAll.SEED_PROPERTY, before);
            }
        }
    }

    private static long aLaw() {
        return ForAll.seed();
    }

    private static long anotherLaw() {
        return ForAll.seed();
    }
}
