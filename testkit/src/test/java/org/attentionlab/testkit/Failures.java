package org.attentionlab.testkit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/** Runs laws outside JUnit's engine and collects what they threw, to check that a law fails for a broken implementation. */
final class Failures {

    private Failures() {
    }

    /** What each dynamic test threw; empty if every one passed. */
    static List<Throwable> of(Stream<DynamicTest> tests) {
        return tests.map(test -> of(test.getExecutable())).filter(Objects::nonNull).collect(Collectors.toList());
    }

    /** What {@code test} threw, or null if it passed. */
    static Throwable of(Executable test) {
        try {
            test.execute();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** The messages, one per line, for assertion messages. */
    static String messages(List<Throwable> failures) {
        return failures.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"));
    }
}
