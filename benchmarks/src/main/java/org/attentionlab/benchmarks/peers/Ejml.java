package org.attentionlab.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.attentionlab.api.Tensor;
import org.attentionlab.benchmarks.WarmUp;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Peer of lesson 1: EJML, the pure-Java linear-algebra library, on float row-major matrices
 * ({@link FMatrixRMaj}). Same JVM, same JIT, no native code: the fairest yardstick for what plain
 * Java reaches. One thread is {@link CommonOps_FDRM#mult}; more are its concurrent twin
 * {@link CommonOps_MT_FDRM#mult}, with EJML's pool limited to {@code threads}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = WarmUp.ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class Ejml {

    /** The side of both square matrices, as in lesson 1. */
    @Param({"64", "128", "256", "512", "1024", "2048"})
    public int n;

    /** EJML's threads: 1 is the sequential code. */
    @Param({"1"})
    public int threads;

    private FMatrixRMaj a;
    private FMatrixRMaj b;
    private FMatrixRMaj c;

    @Setup
    public void inputs() {
        EjmlConcurrency.setMaxThreads(threads);
        a = new FMatrixRMaj(n, n, true, Tensor.randomNormal(1, n, n).toArray()); // a: [M, K] = [n, n]
        b = new FMatrixRMaj(n, n, true, Tensor.randomNormal(2, n, n).toArray()); // b: [K, N] = [n, n]
        c = new FMatrixRMaj(n, n);                                               // c: [M, N] = [n, n]
    }

    @Benchmark
    public FMatrixRMaj matmul() {
        if (threads == 1) {
            CommonOps_FDRM.mult(a, b, c);    // c = a·b
        } else {
            CommonOps_MT_FDRM.mult(a, b, c); // the same, rows split over EJML's pool
        }
        return c;
    }
}
