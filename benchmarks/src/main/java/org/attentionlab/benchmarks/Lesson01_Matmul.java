package org.attentionlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.attentionlab.api.Tensor;
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
 * Lesson 1. How fast does each kernel multiply two n × n matrices, and how far is it from a
 * tuned BLAS?
 *
 * <p>A product {@code [n, n]·[n, n]} costs {@code 2n³} floating-point operations on {@code 3n²}
 * numbers: the work grows faster than the data, so a kernel that reuses what is already in the
 * cache (tiles, packed panels, registers) can go much faster than the textbook loops, which
 * stream the right operand through memory once per output row. The report turns the time into
 * GFLOP/s ({@code 2n³ / time}) and sets it beside OpenBLAS's sgemm, PyTorch's matmul and EJML,
 * measured in the same run ({@code peers.OpenBlas}, {@code peers.PyTorch}, {@code peers.Ejml}).
 *
 * <p>Watch two things. Small n (64) fits in L1 and every kernel looks good; from 512 on the
 * matrices outgrow L2 and only blocked kernels keep their speed. And the returned tensor is
 * JMH's to consume (returning it keeps the JIT from deleting the work as dead code, see
 * JMHSample_08_DeadCode).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Lesson01 -p n=256,1024}. You will
 * see one line per kernel, size and thread count, in ms per product.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = WarmUp.ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class Lesson01_Matmul {

    /** The side of both square matrices. */
    @Param({"64", "128", "256", "512", "1024", "2048"})
    public int n;

    private Tensor a;
    private Tensor b;

    @Setup
    public void inputs() {
        a = Tensor.randomNormal(1, n, n); // a: [M, K] = [n, n]
        b = Tensor.randomNormal(2, n, n); // b: [K, N] = [n, n]
    }

    @Benchmark
    public Tensor matmul(KernelUnderTest kernel) {
        return kernel.get().matmul(a, b); // [M, N] = [n, n]
    }
}
