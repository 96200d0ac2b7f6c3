package org.attentionlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.attentionlab.api.AttentionInputs;
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
 * Lesson 5. How much memory does attention need, and does a fused pass really run where the
 * weights cannot fit?
 *
 * <p>Time is half of the story. Lesson 4 run with JMH's allocation profiler ({@code -prof gc},
 * as the short suite does) gives {@code gc.alloc.rate.norm}, the bytes allocated per call:
 * composed attention allocates the scores and the weights, {@code 2 · 4 · H · T²} bytes
 * (T = 1024: 64 MiB) beside the output's {@code 4 · H · T · Dv} (2 MiB); a fused pass allocates
 * about the output and its tiles. The heap must hold the largest of these at once, so the peak
 * heap grows the same way: with T² composed, with T fused.
 *
 * <p>This lesson is the proof: T = 16384, H = 8, Dk = 64 in a JVM started with {@code -Xmx1g}.
 * Composed, the scores and weights alone would need 16 GiB; fused, query, key, value and output
 * are 32 MiB each. On a kernel without a fused path the call fails at once with an
 * {@code IllegalStateException} saying how many bytes the weights need (the SPI checks before it
 * allocates), JMH reports the error for that kernel and goes on. One call is
 * {@code 5.5·10¹¹} operations, seconds on a fast kernel and minutes on a slow one, so it is
 * measured once ({@link Mode#SingleShotTime}).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Lesson05 -p kernel=<id> -p threads=2}.
 * You will see the seconds of one call, or the kernel's error.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
@State(Scope.Benchmark)
public class Lesson05_Memory {

    /** Sequence length T: the weights [1, 8, T, T] would take 8 GiB, the scores as much again. */
    @Param({"16384"})
    public int t;

    private AttentionInputs inputs;

    @Setup
    public void inputs() {
        inputs = AttentionShapes.inputs(t, "none"); // q, k, v: [1, 8, 16384, 64], 32 MiB each
    }

    @Benchmark
    public Tensor fusedUnderOneGigabyte(KernelUnderTest kernel) {
        return kernel.get().attention(inputs); // [B, H, T, Dv] = [1, 8, 16384, 64]
    }
}
