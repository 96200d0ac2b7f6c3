package org.attentionlab.benchmarks;

import java.util.concurrent.ForkJoinPool;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The kernel a lesson measures, found by id through {@link Kernels#discover()} (ServiceLoader), never
 * by class name: a kernel module that lands later is measured without a change here. Every lesson
 * takes this state, so {@code kernel} and {@code threads} are parameters of every lesson.
 *
 * <p>The annotation's default is the reference kernel alone; {@link Lessons} (the benchmark jar's
 * main class) and the short suite pass every discovered id instead.
 *
 * <h2>Threads</h2>
 * {@code threads} counts the threads that compute. Our parallel kernels work on
 * {@link ForkJoinPool#commonPool()}, and the calling thread computes beside its workers, so the
 * pool gets {@code threads - 1} workers (none for one thread). Its size is fixed the first time it
 * is used, by the system property {@value #COMMON_POOL_PARALLELISM}. JMH measures each parameter
 * combination in a fresh JVM, so setting the property here, before any kernel runs, gives each
 * fork its own thread count. If the property was given on the command line with another value,
 * or something used the pool first, the fork stops with the reason instead of measuring a thread
 * count it does not have. Sequential kernels ignore the pool.
 */
@State(Scope.Benchmark)
public class KernelUnderTest {

    /** The JDK's property for the common pool's size. */
    public static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /** A kernel id, as {@link Kernel#id()} gives it. */
    @Param({Kernels.REFERENCE_ID})
    public String kernel;

    /** Threads that compute: the calling thread and {@code threads - 1} workers of the common pool. */
    @Param({"1"})
    public int threads;

    private Kernel chosen;

    @Setup
    public void discover() {
        useThreads(threads);
        chosen = Kernels.discover().byId(kernel); // unknown id: the message lists the ids there are
    }

    /** The kernel chosen by {@link #kernel}. */
    public Kernel get() {
        return chosen;
    }

    /**
     * Sizes the common pool to {@code threads - 1} workers (the caller is the last thread), or fails
     * if it already has another size. Shared with the peers, whose libraries take their thread
     * count from their own settings.
     */
    public static void useThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        String workers = Integer.toString(threads - 1);
        String given = System.getProperty(COMMON_POOL_PARALLELISM);
        if (given != null && !given.equals(workers)) {
            throw new IllegalStateException("threads=" + threads + " needs " + workers + " common pool workers, but -D"
                    + COMMON_POOL_PARALLELISM + "=" + given + " was given: leave the property to the benchmark");
        }
        System.setProperty(COMMON_POOL_PARALLELISM, workers); // read once, when the pool is made
        int actual = ForkJoinPool.commonPool().getParallelism(); // 0 workers is reported as 1
        if (actual != Math.max(1, threads - 1)) {
            throw new IllegalStateException("threads=" + threads + " needs " + workers + " common pool workers, but the"
                    + " pool was made with " + actual + " before this benchmark: run each thread count in its own fork");
        }
    }
}
