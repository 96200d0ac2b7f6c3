package org.attentionlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionResult;
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
 * Lesson 4. What does it cost to keep the attention weights, against a fused pass that never
 * holds them?
 *
 * <p>{@code composed} is {@link org.attentionlab.api.Kernel#attentionWithWeights}: the formula
 * step by step, scores {@code [1, 8, T, T]} = Q·Kᵀ, weights = softmax(scores), output =
 * weights·V. It writes and reads two T × T tensors per head (at T = 4096: 1 GiB of scores and
 * weights) and returns the weights, which visualisations need. {@code fused} is
 * {@link org.attentionlab.api.Kernel#attention}: on a kernel with a fused path, a tile of keys at
 * a time with a running maximum and sum per query row (FlashAttention's online softmax), so the
 * scores never leave the cache and memory grows with T, not T². On a kernel without one,
 * {@code attention} is the composed path with the weights dropped, and the two lines agree:
 * that itself is worth seeing.
 *
 * <p>Both return what they computed, so the JIT cannot drop the work (JMHSample_08_DeadCode).
 * Run with {@code -prof gc} for the memory side of the same pair (lesson 5).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Lesson04 -p t=1024 -prof gc}. You will see
 * {@code composed} and {@code fused} per kernel, and with {@code -prof gc} the bytes each allocates
 * per call ({@code gc.alloc.rate.norm}); the report gives both ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = WarmUp.ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class Lesson04_ComposedVsFused {

    /** Sequence length T (Tq = Tk). */
    @Param({"512", "1024", "2048"})
    public int t;

    /** {@code none} or {@code causal}. */
    @Param({"none"})
    public String mask;

    private AttentionInputs inputs;

    @Setup
    public void inputs() {
        inputs = AttentionShapes.inputs(t, mask); // q, k, v: [1, 8, T, 64]
    }

    @Benchmark
    public AttentionResult composed(KernelUnderTest kernel) {
        return kernel.get().attentionWithWeights(inputs); // output [1, 8, T, 64] and weights [1, 8, T, T]
    }

    @Benchmark
    public Tensor fused(KernelUnderTest kernel) {
        return kernel.get().attention(inputs); // output [1, 8, T, 64] only
    }
}
