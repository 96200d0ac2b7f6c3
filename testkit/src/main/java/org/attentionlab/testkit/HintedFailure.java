package org.attentionlab.testkit;

import org.opentest4j.AssertionFailedError;

/**
 * An assertion failure whose evidence points at a common mistake, with a hint saying which (e.g.
 * "weights match the scale 1/d_k, not 1/√d_k"). {@link ForAll} carries the hint into its
 * {@link LawFailure}, and the {@link GradingReport} prints it under the law.
 */
final class HintedFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final String detail;
    private final String hint;

    HintedFailure(String message, String hint) {
        super(message + "\n  Hint: " + hint);
        this.detail = message;
        this.hint = hint;
    }

    /** Rethrows {@code failure} with {@code hint} attached; {@code failure} itself if the hint is {@code null}. */
    static AssertionError withHint(AssertionError failure, String hint) {
        if (hint == null) {
            return failure;
        }
        HintedFailure hinted = new HintedFailure(failure.getMessage(), hint);
        hinted.setStackTrace(failure.getStackTrace());
        return hinted;
    }

    /** The failure's message without the hint. */
    String detail() {
        return detail;
    }

    String hint() {
        return hint;
    }
}
