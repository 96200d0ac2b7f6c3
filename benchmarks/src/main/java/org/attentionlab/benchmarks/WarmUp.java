package org.attentionlab.benchmarks;

/**
 * How long every lesson and peer warms up before JMH measures: the same for all, so that a ratio
 * compares warmed code with warmed code.
 *
 * <p>Why {@value #ITERATIONS} iterations of a second: Vector API code is interpreted until C2 has
 * compiled it. On this project's machine the first matmul call of a fork took 0.5 s at n = 1024
 * and 1.5 s at n = 2048, and the second and third seconds were still 10-40% slower than the
 * rest; with two warm-up seconds the measured iterations held part of the JIT. Native peers
 * (OpenBLAS, libtorch) are warm from their first call and lose nothing but time.
 */
public final class WarmUp {

    /** Warm-up iterations of one second each. */
    public static final int ITERATIONS = 5;

    private WarmUp() {
    }
}
