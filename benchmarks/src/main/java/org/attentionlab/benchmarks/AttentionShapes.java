package org.attentionlab.benchmarks;

import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * The attention every lesson (and every peer) measures: B = 1 sequence, H = 8 heads of width
 * Dk = Dv = 64, as in a small transformer layer, with T the parameter. Written once so that our
 * kernels and the peers compute exactly the same thing.
 */
public final class AttentionShapes {

    /** Batch. */
    public static final int B = 1;
    /** Heads. */
    public static final int H = 8;
    /** Width of one head's queries, keys and values (Dk = Dv). */
    public static final int DK = 64;

    private AttentionShapes() {
    }

    /** Random query, key and value {@code [B, H, T, Dk]}, the same for every kernel. */
    public static AttentionInputs inputs(int t, String mask) {
        Tensor q = Tensor.randomNormal(11, B, H, t, DK); // q: [B, H, T, Dk]
        Tensor k = Tensor.randomNormal(12, B, H, t, DK); // k: [B, H, T, Dk]
        Tensor v = Tensor.randomNormal(13, B, H, t, DK); // v: [B, H, T, Dv]
        return AttentionInputs.of("benchmark attention", q, k, v).withMask(mask(mask));
    }

    /** The mask a {@code mask} parameter names: {@code none} or {@code causal}. */
    public static Mask mask(String name) {
        return switch (name) {
            case "none" -> Mask.none();
            case "causal" -> Mask.causal();
            default -> throw new IllegalArgumentException("mask must be none or causal, got '" + name + "'");
        };
    }

    /** Multiply-adds of one attention, counted as floating-point operations: two products of 2·T²·Dk per head. */
    public static double flops(int t) {
        return 2.0 * 2.0 * B * H * (double) t * t * DK;
    }
}
