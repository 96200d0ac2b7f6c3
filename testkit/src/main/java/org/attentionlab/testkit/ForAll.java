package org.attentionlab.testkit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a law ("for all cases, this holds") into one JUnit dynamic test per generated case, and
 * shrinks a failing case to a small one before reporting it.
 *
 * <p>Cases come from a seeded generator, so every run checks the same cases and a failure can be
 * reproduced exactly. Two system properties widen the search: {@value #SEED_PROPERTY} (a whole
 * number) chooses other cases, {@value #TRIES_PROPERTY} (a positive whole number) sets how many
 * each law checks. A value that is not such a number is an error, never silently ignored.
 *
 * <p>Within one law only the first failing case is shrunk and reported with its stack trace
 * ({@link LawFailure}); later ones are one line each ({@link LawFailure.AlsoFails}).
 *
 * <p>Used by the kit's laws and by any law about the rest of the framework: generate a list of
 * {@link Shrinkable} cases from {@link #seed()}, then return {@link #cases} from a JUnit
 * {@code @TestFactory}.
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

    /**
     * The seed for the cases of the law that calls this: derived from the calling method's name
     * (so laws see different cases, and a renamed law cannot keep a stale name) and the base seed.
     * Call it in the law method itself, not in a helper it shares with other laws.
     */
    public static long seed() {
        String law = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst())
                .map(StackWalker.StackFrame::getMethodName).orElseThrow();
        return baseSeed(System.getProperty(SEED_PROPERTY)) * 31 + law.hashCode();
    }

    /** How many cases a law checks: {@code defaultTries}, unless {@value #TRIES_PROPERTY} says otherwise. */
    public static int tries(int defaultTries) {
        String value = System.getProperty(TRIES_PROPERTY);
        return value == null ? defaultTries : parseTries(value);
    }

    /** The base seed {@value #SEED_PROPERTY} names ({@code null}: the default). */
    static long baseSeed(String value) {
        if (value == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + value + " is not a whole number;"
                    + " give one such as -D" + SEED_PROPERTY + "=42, or leave it out for the default cases", e);
        }
    }

    /** The number of cases {@value #TRIES_PROPERTY} asks for. */
    static int parseTries(String value) {
        int tries;
        try {
            tries = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + TRIES_PROPERTY + "=" + value + " is not a whole number;"
                    + " give the number of cases per law, such as -D" + TRIES_PROPERTY + "=500", e);
        }
        if (tries < 1) {
            throw new IllegalArgumentException("-D" + TRIES_PROPERTY + "=" + value + " would check no case;"
                    + " give at least 1, such as -D" + TRIES_PROPERTY + "=500");
        }
        return tries;
    }

    /**
     * One dynamic test per case, named after the case, each checking {@code law}; the first
     * failing case is shrunk, later ones are reported in one line.
     */
    public static <C extends Shrinkable<C>> Stream<DynamicTest> cases(List<C> cases, Consumer<C> law) {
        AtomicReference<String> firstFailure = new AtomicReference<>();
        return cases.stream().map(c -> dynamicTest(c.toString(), () -> {
            if (firstFailure.get() == null) {
                try {
                    check(c, law);
                } catch (LawFailure e) {
                    firstFailure.set(e.smallest());
                    throw e;
                }
            } else {
                Throwable failure = failureOf(c, law);
                if (failure != null) {
                    throw LawFailure.again(c.toString(), firstFailure.get(), failure);
                }
            }
        }));
    }

    /**
     * Runs {@code law} on {@code c}; if it fails, shrinks greedily (take the first simpler case
     * that still fails, repeat) and throws a {@link LawFailure} naming both the original and the
     * smallest case.
     */
    public static <C extends Shrinkable<C>> void check(C c, Consumer<C> law) {
        Throwable failure = failureOf(c, law);
        if (failure == null) {
            return;
        }
        C smallest = c;
        int steps = 0;
        for (Iterator<C> simpler = c.simpler().iterator(); simpler.hasNext() && steps++ < MAX_SHRINK_STEPS; ) {
            C candidate = simpler.next();
            Throwable candidateFailure = failureOf(candidate, law);
            if (candidateFailure != null) {
                smallest = candidate;
                failure = candidateFailure;
                simpler = smallest.simpler().iterator(); // go on from the simpler failing case
            }
        }
        throw LawFailure.first(c.toString(), smallest.toString(), failure);
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
