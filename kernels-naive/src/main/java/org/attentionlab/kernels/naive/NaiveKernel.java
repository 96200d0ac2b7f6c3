package org.attentionlab.kernels.naive;

import org.attentionlab.api.Kernel;
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

    public static final String ID = "naive";

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
        // View every operand as a stack of matrices: A [batch, M, K], B [batch or 1, K, N] or [.., N, K].
        Tensor a = left.reshape(shape.batch(), shape.m(), shape.k());
        int rightBatch = shape.rightShared() ? 1 : shape.batch();
        Tensor b = operand == RightOperand.AS_IS
                ? right.reshape(rightBatch, shape.k(), shape.n())
                : right.reshape(rightBatch, shape.n(), shape.k());
        float[] c = new float[shape.batch() * shape.m() * shape.n()];
        for (int batch = 0; batch < shape.batch(); batch++) {
            int bBatch = shape.rightShared() ? 0 : batch;
            for (int i = 0; i < shape.m(); i++) {
                for (int j = 0; j < shape.n(); j++) {
                    double sum = 0;
                    for (int k = 0; k < shape.k(); k++) {
                        float bkj = operand == RightOperand.AS_IS ? b.get(bBatch, k, j) : b.get(bBatch, j, k);
                        sum += (double) a.get(batch, i, k) * bkj;
                    }
                    c[(batch * shape.m() + i) * shape.n() + j] = (float) sum;
                }
            }
        }
        return Tensor.fromArray(c, shape.outputShape());
    }

    /**
     * {@code y_j = exp(x_j − m) / Σ_l exp(x_l − m)} over the allowed entries of each row, where
     * {@code m = max_l x_l}; masked entries are exactly 0, and a row with nothing allowed is all 0.
     */
    @Override
    public Tensor softmax(Tensor scores, Mask mask) {
        SoftmaxShape shape = SoftmaxShape.of(scores, mask);
        Tensor x = scores.reshape(shape.rows(), shape.keys()); // one softmax per row
        float[] y = new float[shape.rows() * shape.keys()];
        for (int row = 0; row < shape.rows(); row++) {
            int batch = shape.batchOf(row);
            int query = shape.queryOf(row);

            // m = max over allowed entries (−∞ if none)
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < shape.keys(); j++) {
                if (mask.allows(batch, query, j)) {
                    m = Math.max(m, x.get(row, j));
                }
            }
            if (m == Double.NEGATIVE_INFINITY) {
                continue; // nothing to attend to: the row stays all zeros
            }

            // Σ = Σ_l exp(x_l − m) over allowed l
            double sum = 0;
            for (int l = 0; l < shape.keys(); l++) {
                if (mask.allows(batch, query, l)) {
                    sum += Math.exp(x.get(row, l) - m);
                }
            }

            // y_j = exp(x_j − m) / Σ, or 0 where masked
            for (int j = 0; j < shape.keys(); j++) {
                y[row * shape.keys() + j] = mask.allows(batch, query, j)
                        ? (float) (Math.exp(x.get(row, j) - m) / sum)
                        : 0f;
            }
        }
        return Tensor.fromArray(y, scores.shape());
    }

    @Override
    public String toString() {
        return "NaiveKernel";
    }
}
