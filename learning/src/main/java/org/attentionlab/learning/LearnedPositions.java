package org.attentionlab.learning;

import java.util.Objects;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.position.LearnedPositionalEncoding;

/**
 * Adding a learned positional encoding ({@link LearnedPositionalEncoding}, a table P) and its derivative.
 *
 * <pre>
 *   forward   y[b, t] = x[b, t] + P[t]          x, y [B, T, D];  P [maxLength, D]
 *   backward  dx = dy                           (∂y/∂x = 1)
 *             dP[t] = Σ_b dy[b, t]  for t < T   every sequence of the batch added row t
 *             dP[t] = 0             for t ≥ T   rows the forward did not use
 * </pre>
 */
public final class LearnedPositions {

    private LearnedPositions() {
    }

    /** {@code x + P[0..T-1]}: {@link LearnedPositionalEncoding#addTo}. */
    public static Tensor forward(LearnedPositionalEncoding encoding, Tensor x) {
        return encoding.addTo(x); // [B, T, D]
    }

    /**
     * The gradient of the table {@code [maxLength, D]}; the gradient of {@code x} is {@code dy} itself.
     *
     * @param dy the gradient of the sum, {@code [B, T, D]} or {@code [T, D]}
     */
    public static Tensor backward(Kernel kernel, LearnedPositionalEncoding encoding, Tensor dy) {
        Objects.requireNonNull(dy, "dy");
        if (dy.rank() < 2 || dy.dim(-1) != encoding.dModel() || dy.dim(-2) > encoding.maxLength()) {
            throw new IllegalArgumentException("LearnedPositions.backward: dy " + java.util.Arrays.toString(dy.shape())
                    + " is not [B, T, " + encoding.dModel() + "] with T <= " + encoding.maxLength());
        }
        int t = dy.dim(-2);
        int d = encoding.dModel();
        Tensor used = Elementwise.columnSums(kernel, dy.reshape(-1, t * d)); // [T·D] = Σ_b dy[b]
        var values = used.values();
        return Tensor.generate(new int[] {encoding.maxLength(), d}, out -> {  // [maxLength, D], 0 past T
            for (int i = 0; i < t * d; i++) {
                out.set(i, values.get(i));
            }
        });
    }
}
