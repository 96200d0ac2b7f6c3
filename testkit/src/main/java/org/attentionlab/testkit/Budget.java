package org.attentionlab.testkit;

/**
 * How much work each law does: cases per law (replaced by {@code -Dattentionlab.testkit.tries}),
 * threads and rounds of the concurrency laws. Chosen so that a whole contract runs in seconds on
 * the naive oracle; in one place, and out of the contract interfaces a student implements.
 */
final class Budget {

    /** Cases per matmul law. */
    static final int MATMUL_TRIES = 100;

    /** Cases per softmax law. */
    static final int SOFTMAX_TRIES = 100;

    /** Cases per kernel attention law (fused against composed, masked values). */
    static final int KERNEL_ATTENTION_TRIES = 30;

    /** Cases of the row-grouping law, per operation. */
    static final int ROW_WORK_TRIES = 20;

    /** Cases per attention-layer law. */
    static final int LAYER_TRIES = 50;

    /** Cases of {@code agreesWithReferenceAttention}. */
    static final int REFERENCE_TRIES = 100;

    /** Cases per positional-encoding law. */
    static final int ENCODING_TRIES = 50;

    /** The longest length the encoding laws try when an encoding has no maximum (and a cap when it has a large one). */
    static final int LONGEST_ENCODING = 1024;

    /** Threads calling one instance at once in the concurrency laws. */
    static final int THREADS = 8;

    /** Calls each thread makes in the concurrency laws. */
    static final int ROUNDS_PER_THREAD = 4;

    private Budget() {
    }
}
