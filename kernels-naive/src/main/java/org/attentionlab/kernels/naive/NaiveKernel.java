package org.attentionlab.kernels.naive;

import java.nio.FloatBuffer;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Mask;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * The reference kernel: each formula written as the loops it stands for, nothing clever.
 *
 * <p>It is the oracle every other kernel is tested against, so it favours being obviously right
 * over being fast: sums are accumulated in {@code double} and rounded to {@code float} once, so
 * its error is far below the tolerance the other kernels are held to. Stateless and thread-safe.
 */
public final class NaiveKernel implements Kernel {

    public static final String ID = Kernels.REFERENCE_ID;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String description() {
        return "reference kernel: textbook triple loop, double accumulation; the oracle for the others";
    }

    /** {@code C[b, i, j] = Σ_k A[b, i, k] · B[b, k, j]} (or {@code B[b, j, k]} when transposed). */
    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        int m = shape.m();
        int n = shape.n();
        int depth = shape.k();
        FloatBuffer a = left.values();   // A: [batch, M, K], row-major, read in place
        FloatBuffer b = right.values();  // B: [batch or 1, K, N], or [.., N, K] when transposed
        return Tensor.generate(shape.outputShape(), c -> {                  // C: [batch, M, N]
            for (int batch = 0; batch < shape.batch(); batch++) {
                int aStart = shape.leftOffset(batch);
                int bStart = shape.rightOffset(batch);
                int cStart = shape.outputOffset(batch);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int k = 0; k < depth; k++) {
                            float aik = a.get(aStart + i * depth + k);
                            float bkj = operand == RightOperand.AS_IS
                                    ? b.get(bStart + k * n + j)        // B[k][j]
                                    : b.get(bStart + j * depth + k);   // Bᵀ: B stored [N, K], so B[j][k]
                            sum += (double) aik * bkj;
                        }
                        c.set(cStart + i * n + j, (float) sum);
                    }
                }
            }
        });
    }

    /**
     * {@code y_j = exp(s·x_j − s·m) / Σ_l exp(s·x_l − s·m)} over the allowed entries of each row,
     * where {@code s} is the scale and {@code m = max_l x_l}; masked entries are exactly 0, and a
     * row with nothing allowed is all 0.
     */
    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        SoftmaxShape shape = SoftmaxShape.of(scores, scale, mask);
        int keys = shape.keys();
        FloatBuffer x = scores.values(); // [rows, Tk]: one softmax per row
        return Tensor.generate(scores.shape(), y -> {
            for (int row = 0; row < shape.rows(); row++) {
                int batch = shape.batchOf(row);
                int query = shape.queryOf(row);
                int start = row * keys;

                // m = max over allowed entries (−∞ if none)
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < keys; j++) {
                    if (mask.allows(batch, query, j)) {
                        m = Math.max(m, x.get(start + j));
                    }
                }
                if (m == Double.NEGATIVE_INFINITY) {
                    continue; // nothing to attend to: the row stays all zeros
                }

                // Σ = Σ_l exp(s·(x_l − m)) over allowed l
                double sum = 0;
                for (int l = 0; l < keys; l++) {
                    if (mask.allows(batch, query, l)) {
                        sum += Math.exp(scale * (x.get(start + l) - m));
                    }
                }

                // y_j = exp(s·(x_j − m)) / Σ, or 0 where masked (the writer starts at 0)
                for (int j = 0; j < keys; j++) {
                    if (mask.allows(batch, query, j)) {
                        y.set(start + j, (float) (Math.exp(scale * (x.get(start + j) - m)) / sum));
                    }
                }
            }
        });
    }

    @Override
    public String toString() {
        return "NaiveKernel";
    }
}
