package org.attentionlab.testkit;

import org.opentest4j.TestAbortedException;

/**
 * A later failing case of a law that has already failed (and been shrunk and reported once, by a
 * {@link LawFailure}): one line, no stack trace, and reported as <i>aborted</i>, not failed. So a
 * broken implementation shows one failure per law in the build's summary instead of a hundred
 * near-identical ones, the law still fails the build through its first failure, and the
 * {@link GradingReport} counts these cases as failed cases of the law.
 */
public final class AlsoFails extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    AlsoFails(String tried, String firstSmallest, String detail) {
        super("Also fails for " + tried + " (not shrunk; this law's first failure was shrunk to " + firstSmallest
                + "): " + LawFailure.firstLine(detail));
        setStackTrace(new StackTraceElement[0]);
    }
}
