package org.attentionlab.learning;

import java.util.Objects;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Tensor;

/**
 * The cross-entropy loss of logits against target ids, averaged over every position, and its
 * derivative.
 *
 * <pre>
 *   forward   p = softmax(z)                      z [B, T, V] logits, one row per position
 *             L = (1/N) Σ_positions −log p[target]    N = B·T positions
 *   backward  dz = (p − onehot(target)) / N
 * </pre>
 *
 * <p>{@code −log softmax(z)[y] = logsumexp(z) − z[y]}: the loss is computed that way, in double and
 * with the row maximum subtracted, so that a confident wrong answer gives a large finite loss
 * rather than {@code −log 0 = ∞}.
 *
 * @param loss     {@code L}
 * @param dLogits  {@code dz [B, T, V]}
 */
public record CrossEntropy(double loss, Tensor dLogits) {

    public CrossEntropy {
        Objects.requireNonNull(dLogits, "dLogits");
    }

    /**
     * The loss of {@code logits [B, T, V]} for {@code targets [B][T]} and its gradient.
     *
     * @throws IllegalArgumentException if the shapes differ or a target is outside {@code 0..V-1}
     */
    public static CrossEntropy of(Kernel kernel, Tensor logits, int[][] targets) {
        Objects.requireNonNull(targets, "targets");
        int batch = targets.length;
        int length = batch == 0 ? 0 : targets[0].length;
        int vocabulary = logits.dim(-1);
        Shapes.require("CrossEntropy", "logits", logits, new int[] {batch, length, vocabulary});
        int positions = batch * length;
        var z = logits.values();
        double total = 0;
        for (int p = 0; p < positions; p++) {
            int target = targets[p / length][p % length];
            if (target < 0 || target >= vocabulary) {
                throw new IllegalArgumentException("CrossEntropy: target " + target + " at position " + p
                        + " is outside 0.." + (vocabulary - 1));
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocabulary; v++) {
                max = Math.max(max, z.get(p * vocabulary + v));
            }
            double sum = 0;
            for (int v = 0; v < vocabulary; v++) {
                sum += Math.exp(z.get(p * vocabulary + v) - max);
            }
            total += max + Math.log(sum) - z.get(p * vocabulary + target); // logsumexp(z) − z[y]
        }
        Tensor probabilities = kernel.softmax(logits); // [B, T, V], rows sum to 1
        var prob = probabilities.values();
        float perPosition = 1f / positions;
        Tensor dLogits = Tensor.generate(logits.shape(), out -> {  // (p − onehot(y)) / N
            for (int i = 0; i < out.size(); i++) {
                int p = i / vocabulary;
                boolean isTarget = i % vocabulary == targets[p / length][p % length];
                out.set(i, (prob.get(i) - (isTarget ? 1f : 0f)) * perPosition);
            }
        });
        return new CrossEntropy(total / positions, dLogits);
    }
}
