package org.attentionlab.benchmarks.peers;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import java.util.concurrent.TimeUnit;
import org.attentionlab.api.Tensor;
import org.attentionlab.benchmarks.OpenBlasCoreTypes;
import org.attentionlab.benchmarks.WarmUp;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Peer of lesson 1: OpenBLAS's {@code cblas_sgemm}, the tuned native BLAS a Java user reaches
 * through JavaCPP ({@code org.bytedeco:openblas}, natives in the jar).
 *
 * <p>The matrices live off the heap ({@link FloatPointer}), filled once: JavaCPP's {@code float[]}
 * overloads copy both operands and the result on every call, which cost 6-35% on this project's
 * machine and would measure JavaCPP rather than OpenBLAS.
 *
 * <p>OpenBLAS picks its kernels for the CPU once, when the library loads, and may pick them badly
 * (it took an AMD Zen 5 for a Haswell); the environment variable {@code OPENBLAS_CORETYPE}
 * overrides it. An environment variable cannot change inside a running JVM, so the short suite
 * runs this class once per core type the CPU supports ({@link OpenBlasCoreTypes}), in a JMH process started
 * with that environment (JMH's forks inherit it), and takes the fastest as the reference. The
 * {@code coreType} parameter only records which run this is, and the setup checks that it matches
 * the environment, so a result can never be filed under the wrong core type.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = WarmUp.ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OpenBlas {

    /** The side of both square matrices, as in lesson 1. */
    @Param({"64", "128", "256", "512", "1024", "2048"})
    public int n;

    /** OpenBLAS's threads. */
    @Param({"1"})
    public int threads;

    /** {@value OpenBlasCoreTypes#AUTO} (OpenBLAS's own detection) or the value of {@code OPENBLAS_CORETYPE}. */
    @Param({OpenBlasCoreTypes.AUTO})
    public String coreType;

    private FloatPointer a;
    private FloatPointer b;
    private FloatPointer c;

    @Setup
    public void inputs() {
        OpenBlasCoreTypes.requireEnvironmentMatches(coreType);
        openblas.blas_set_num_threads(threads);
        a = new FloatPointer(Tensor.randomNormal(1, n, n).toArray()); // a: [M, K] = [n, n], off the heap
        b = new FloatPointer(Tensor.randomNormal(2, n, n).toArray()); // b: [K, N] = [n, n]
        c = new FloatPointer((long) n * n);                           // c: [M, N] = [n, n]
    }

    @Benchmark
    public FloatPointer matmul() {
        // c = 1·a·b + 0·c, all row-major with leading dimension n
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1f, a, n, b, n, 0f, c, n);
        return c;
    }

    @TearDown
    public void free() {
        a.close();
        b.close();
        c.close();
    }
}
