package org.attentionlab.testkit;

/**
 * How much work each law does: cases per law (replaced by {@code -Dattentionlab.testkit.tries}),
 * threads and rounds of the concurrency laws. Chosen so that a whole contract runs in seconds on
 * the naive oracle; in one place, and out of the contract interfaces a student implements.
 */
final class Budget {

    static final int MATMUL_TRIES = 100;
    static final int SOFTMAX_TRIES = 100;
    /** Fused against composed attention, masked values. */
    static final int KERNEL_ATTENTION_TRIES = 30;
    /** Per operation of the row-grouping laws. */
    static final int ROW_WORK_TRIES = 20;
    static final int LAYER_TRIES = 50;
    /** Of {@code agreesWithReferenceAttention}. */
    static final int REFERENCE_TRIES = 100;
    static final int ENCODING_TRIES = 50;

    /** The longest length the encoding laws try when an encoding has no maximum (and a cap when it has a large one). */
    static final int LONGEST_ENCODING = 1024;

    /** Threads calling one instance at once in the concurrency laws, and the calls each makes. */
    static final int THREADS = 8;
    static final int ROUNDS_PER_THREAD = 4;

    private Budget() {
    }
}
