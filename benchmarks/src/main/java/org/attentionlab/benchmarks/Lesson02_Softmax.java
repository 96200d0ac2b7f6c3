package org.attentionlab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
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
 * Lesson 2. What does the scaled, masked softmax of attention's scores cost, next to the two
 * products around it?
 *
 * <p>The scores of one attention layer are {@code [B, H, T, T]}: here {@code [1, 8, T, T]}. The
 * softmax does one exponential per score and no reuse at all, so it is bound by the speed of
 * {@code exp} and of memory, not by arithmetic. Two products of {@code 2·T²·Dk} operations each
 * surround it; with Dk = 64 that is 256 multiply-adds per score against one exponential, yet a
 * scalar {@code Math.exp} softmax took 75-80% of a composed attention on this project's machine.
 * A kernel that vectorises its exponential, or fuses the softmax into the products (lesson 4),
 * wins most here.
 *
 * <p>A causal mask halves the work that counts (the upper triangle is skipped, and is exactly
 * 0); compare the two masks of one kernel.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Lesson02}. You will see ms per
 * softmax of the whole {@code [1, 8, T, T]} tensor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = WarmUp.ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class Lesson02_Softmax {

    /** Sequence length: the scores are {@code [1, H, T, T]}. */
    @Param({"512", "1024", "2048"})
    public int t;

    /** {@code none} or {@code causal}. */
    @Param({"none", "causal"})
    public String mask;

    private Tensor scores;
    private Mask chosenMask;

    @Setup
    public void inputs() {
        scores = Tensor.randomNormal(3, AttentionShapes.B, AttentionShapes.H, t, t); // scores: [B, H, Tq, Tk] = [1, 8, T, T]
        chosenMask = AttentionShapes.mask(mask);
    }

    @Benchmark
    public Tensor softmax(KernelUnderTest kernel) {
        return kernel.get().softmax(scores, AttentionInputs.defaultScale(AttentionShapes.DK), chosenMask); // [1, 8, T, T]
    }
}
