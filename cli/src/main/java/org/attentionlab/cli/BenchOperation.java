package org.attentionlab.cli;

import java.util.function.Function;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * What {@code attentionlab bench} times: one kernel operation on random inputs of a chosen size,
 * the same shapes as the JMH lessons (benchmarks module) use.
 */
enum BenchOperation {
    /** {@code [n, n]·[n, n]}: 2n³ operations. */
    MATMUL,
    /** Scaled softmax of scores {@code [1, 8, T, T]}: one exponential per score. */
    SOFTMAX,
    /** Attention output, B = 1, H = 8, Dk = 64, T the length: 4·H·T²·Dk operations. */
    ATTENTION;

    static final int HEADS = 8;
    static final int HEAD_WIDTH = 64;

    /**
     * The call to time, with its inputs made once: {@code size} is n for {@link #MATMUL}, T otherwise.
     */
    Function<Kernel, Tensor> call(int size, Mask mask) {
        return switch (this) {
            case MATMUL -> {
                Tensor a = Tensor.randomNormal(1, size, size);                     // a: [M, K] = [n, n]
                Tensor b = Tensor.randomNormal(2, size, size);                     // b: [K, N] = [n, n]
                yield kernel -> kernel.matmul(a, b);                               // [n, n]
            }
            case SOFTMAX -> {
                Tensor scores = Tensor.randomNormal(3, 1, HEADS, size, size);      // scores: [B, H, Tq, Tk]
                float scale = AttentionInputs.defaultScale(HEAD_WIDTH);
                yield kernel -> kernel.softmax(scores, scale, mask);               // [B, H, Tq, Tk]
            }
            case ATTENTION -> {
                Tensor q = Tensor.randomNormal(11, 1, HEADS, size, HEAD_WIDTH);    // q: [B, H, T, Dk]
                Tensor k = Tensor.randomNormal(12, 1, HEADS, size, HEAD_WIDTH);    // k: [B, H, T, Dk]
                Tensor v = Tensor.randomNormal(13, 1, HEADS, size, HEAD_WIDTH);    // v: [B, H, T, Dv]
                AttentionInputs inputs = AttentionInputs.of("bench", q, k, v).withMask(mask);
                yield kernel -> kernel.attention(inputs);                          // [B, H, T, Dv]
            }
        };
    }

    /** Floating-point operations of one call, or 0 where counting them says little (softmax). */
    double flops(int size) {
        return switch (this) {
            case MATMUL -> 2.0 * size * size * size;
            case SOFTMAX -> 0;
            case ATTENTION -> 4.0 * HEADS * (double) size * size * HEAD_WIDTH;
        };
    }

    /** The input shapes, for the heading: {@code [256, 256]·[256, 256]}. */
    String describe(int size, String maskName) {
        return switch (this) {
            case MATMUL -> "matmul [" + size + ", " + size + "]·[" + size + ", " + size + "]";
            case SOFTMAX -> "softmax of scores [1, " + HEADS + ", " + size + ", " + size + "], mask " + maskName;
            case ATTENTION -> "attention, q, k, v [1, " + HEADS + ", " + size + ", " + HEAD_WIDTH + "], mask " + maskName;
        };
    }
}
