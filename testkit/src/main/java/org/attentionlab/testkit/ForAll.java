package org.attentionlab.testkit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Turns a law ("for all cases, this holds") into one JUnit dynamic test per generated case, and
 * shrinks a failing case to a small one before reporting it.
 *
 * <p>Cases come from a seeded generator, so every run checks the same cases and a failure can be
 * reproduced exactly. Two system properties widen the search: {@value #SEED_PROPERTY} (a number)
 * chooses other cases, {@value #TRIES_PROPERTY} sets how many each law checks.
 *
 * <p>Used by the kernel contract and by any law about the rest of the framework: generate a list
 * of {@link Shrinkable} cases from {@link #seed(String)}, then return {@link #cases} from a
 * JUnit {@code @TestFactory}.
 */
public final class ForAll {

    /** System property: the base seed every law derives its cases from. */
    public static final String SEED_PROPERTY = "attentionlab.testkit.seed";

    /** System property: the number of cases per law, replacing each law's default. */
    public static final String TRIES_PROPERTY = "attentionlab.testkit.tries";

    private static final long DEFAULT_SEED = 20170612L; // the day "Attention Is All You Need" appeared

    /** Enough to shrink every dimension of a case; each step runs the law once more. */
    private static final int MAX_SHRINK_STEPS = 500;

    private ForAll() {
    }

    /** The seed for one law's cases: the base seed mixed with the law's name, so laws see different cases. */
    public static long seed(String law) {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED) * 31 + law.hashCode();
    }

    /** How many cases a law checks: {@code defaultTries}, unless {@value #TRIES_PROPERTY} says otherwise. */
    public static int tries(int defaultTries) {
        return Integer.getInteger(TRIES_PROPERTY, defaultTries);
    }

    /** One dynamic test per case, named after the case, each checking {@code law}. */
    public static <C extends Shrinkable<C>> Stream<DynamicTest> cases(List<C> cases, Consumer<C> law) {
        return cases.stream().map(c -> dynamicTest(c.toString(), () -> check(c, law)));
    }

    /**
     * Runs {@code law} on {@code c}; if it fails, shrinks greedily (take the first simpler case
     * that still fails, repeat) and throws an error naming both the original and the smallest case.
     */
    public static <C extends Shrinkable<C>> void check(C c, Consumer<C> law) {
        Throwable original = failureOf(c, law);
        if (original == null) {
            return;
        }
        Throwable failure = original;
        C smallest = c;
        int steps = 0;
        boolean shrunk = true;
        while (shrunk && steps < MAX_SHRINK_STEPS) {
            shrunk = false;
            for (Iterator<C> simpler = smallest.simpler().iterator(); simpler.hasNext() && steps < MAX_SHRINK_STEPS; ) {
                C candidate = simpler.next();
                steps++;
                Throwable candidateFailure = failureOf(candidate, law);
                if (candidateFailure != null) {
                    smallest = candidate;
                    failure = candidateFailure;
                    shrunk = true;
                    break;
                }
            }
        }
        String where = smallest == c
                ? "Fails for " + c + " (no simpler case fails)"
                : "Fails for " + c + "; smallest failing case found by shrinking: " + smallest;
        AssertionFailedError error = new AssertionFailedError(where + "\n  " + failure, failure);
        if (failure != original) {
            error.addSuppressed(original); // the first failure, in case the smallest one reads differently
        }
        throw error;
    }

    /** The error {@code law} throws for {@code c}, or null if it holds. A kernel's exception is a failure too. */
    static <C> Throwable failureOf(C c, Consumer<C> law) {
        try {
            law.accept(c);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }
}
