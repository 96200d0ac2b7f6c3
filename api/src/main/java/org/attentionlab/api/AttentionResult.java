package org.attentionlab.api;

import java.util.Objects;

/**
 * What an attention layer returns: its output and the attention weights it used.
 *
 * @param output  the attended values, e.g. {@code [B, Tq, D]} for multi-head attention
 * @param weights the softmax weights, {@code [..., Tq, Tk]}; per head ({@code [B, H, Tq, Tk]}) for
 *                layers with heads. Each row sums to 1 (0 for a fully masked row). Kept for
 *                visualisation: {@code weights[b, h, i, j]} is how much query {@code i} looks at key
 *                {@code j}.
 */
public record AttentionResult(Tensor output, Tensor weights) {

    public AttentionResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(weights, "weights");
    }
}
