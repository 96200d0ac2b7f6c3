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
 * Lesson 3. How does the time of one attention forward pass grow with the sequence length T,
 * and what does a causal mask save?
 *
 * <p>Attention {@code softmax(Q·Kᵀ/√Dk, mask)·V} with B = 1, H = 8, Dk = 64 (see
 * {@link AttentionShapes}) does {@code 4·H·T²·Dk} operations: doubling T quadruples the time.
 * That is the quadratic cost the report's chart shows, T = 128 … 8192, and the reason long
 * contexts are expensive. A causal mask lets a query see only the keys before it, so half the
 * scores are never needed; a kernel that skips the masked tiles should take about half the time
 * (a kernel that computes them and throws them away takes the same).
 *
 * <p>This is {@link org.attentionlab.api.Kernel#attention}, the output alone: fused on kernels
 * that have a fused path (O(T·D) memory), composed on the others. PyTorch's fused
 * {@code scaled_dot_product_attention} is measured beside it ({@code peers.PyTorch.attention}).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Lesson03 -p t=256,1024 -p mask=causal}.
 * You will see ms per forward pass; from T = 2048 on, a slow kernel takes seconds per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = WarmUp.ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class Lesson03_AttentionForward {

    /** Sequence length T (Tq = Tk). */
    @Param({"128", "256", "512", "1024", "2048", "4096", "8192"})
    public int t;

    /** {@code none} or {@code causal}. */
    @Param({"none", "causal"})
    public String mask;

    private AttentionInputs inputs;

    @Setup
    public void inputs() {
        inputs = AttentionShapes.inputs(t, mask); // q, k, v: [1, 8, T, 64]
    }

    @Benchmark
    public Tensor attention(KernelUnderTest kernel) {
        return kernel.get().attention(inputs); // [B, H, T, Dv] = [1, 8, T, 64]
    }
}
