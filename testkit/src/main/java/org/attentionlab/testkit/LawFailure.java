package org.attentionlab.testkit;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A law's failure on a generated case, as {@link ForAll} reports it: the case tried, the smallest
 * failing case shrinking found, what went wrong there and, where the evidence is clear, a hint.
 *
 * <p>Written to be read once: the message says it all and the stack trace is that of the failure
 * on the smallest case (pointing into the implementation when it threw), with no "caused by"
 * repeating the message. Inside a law, {@link #withHint} attaches a hint to an assertion's failure
 * (a {@code LawFailure} with no case yet), which {@link ForAll} carries over. A repeated failure of
 * the same law ({@link #again}) is an {@link AlsoFails}. The {@link GradingReport} reads these fields.
 */
public final class LawFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final String smallest;
    private final String detail;
    private final String hint;

    private LawFailure(String message, String smallest, String detail, String hint) {
        super(message);
        this.smallest = smallest;
        this.detail = detail;
        this.hint = hint;
    }

    /**
     * {@code failure} with {@code hint} (e.g. "weights match the scale 1/d_k, not 1/√d_k") attached,
     * for a law to throw; {@code failure} itself if the hint is {@code null}.
     */
    static AssertionError withHint(AssertionError failure, String hint) {
        if (hint == null) {
            return failure;
        }
        LawFailure hinted = new LawFailure(failure.getMessage() + "\n  Hint: " + hint, null, failure.getMessage(), hint);
        hinted.setStackTrace(failure.getStackTrace());
        return hinted;
    }

    /** The first failure of a law: {@code failure} is what went wrong on {@code smallest}. */
    static LawFailure first(String tried, String smallest, Throwable failure) {
        String detail = detailOf(failure);
        String hint = failure instanceof LawFailure l ? l.hint : null;
        String where = smallest.equals(tried)
                ? "Fails for " + tried + " (no simpler case fails)"
                : "Fails for " + tried + "; smallest failing case found by shrinking: " + smallest;
        LawFailure error = new LawFailure(where + "\n  " + detail + (hint == null ? "" : "\n  Hint: " + hint),
                smallest, detail, hint);
        error.setStackTrace(failure.getStackTrace());
        if (failure.getCause() != null) {
            error.initCause(failure.getCause());
        }
        return error;
    }

    /** A later failing case of a law that already failed: one line, no stack trace, reported as aborted. */
    static AlsoFails again(String tried, String firstSmallest, Throwable failure) {
        return new AlsoFails(tried, firstSmallest, detailOf(failure));
    }

    /** An assertion's own message (without a hint); for an exception from the implementation, its class too. */
    private static String detailOf(Throwable failure) {
        if (failure instanceof LawFailure l) {
            return l.detail;
        }
        String message = String.valueOf(failure.getMessage());
        return failure instanceof AssertionError ? message : failure.getClass().getName() + ": " + message;
    }

    /** The first line of {@code text}. */
    static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * The smallest failing case found (the case tried if none simpler fails); {@code null} for a
     * hint attached inside a law.
     */
    public String smallest() {
        return smallest;
    }

    /** What went wrong on the smallest case. */
    public String detail() {
        return detail;
    }

    /** A hint for a common mistake, or {@code null} when the evidence is not clear. */
    public String hint() {
        return hint;
    }

    /**
     * A later failing case of a law that has already failed (shrunk and reported once, by a
     * {@code LawFailure}): one line, no stack trace, and reported as <i>aborted</i>, not failed. So a
     * broken implementation shows one failure per law in the build's summary instead of a hundred
     * near-identical ones (almost always the same bug, and shrinking each would cost time), the law
     * still fails the build through its first failure, and the {@link GradingReport} counts these
     * cases as failed cases of the law.
     */
    public static final class AlsoFails extends TestAbortedException {

        private static final long serialVersionUID = 1L;

        private AlsoFails(String tried, String firstSmallest, String detail) {
            super("Also fails for " + tried + " (not shrunk; this law's first failure was shrunk to " + firstSmallest
                    + "): " + firstLine(detail));
            setStackTrace(new StackTraceElement[0]);
        }
    }
}
