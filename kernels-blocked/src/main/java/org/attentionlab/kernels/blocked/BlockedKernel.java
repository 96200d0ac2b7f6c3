package org.attentionlab.kernels.blocked;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * The naive kernel plus cache blocking, on one thread: the same sums, reordered and tiled so that
 * the innermost loop walks memory contiguously and reuses what is already in cache
 * ({@link BlockedMatmul}), and a softmax on flat rows ({@link BlockedSoftmax}).
 *
 * <p>A batched product {@code [..., M, K]·[..., K, N]} is {@code batch} independent matrix
 * products (see {@link MatmulShape}); each is handed whole to {@link BlockedMatmul#multiplyRows}.
 * In attention these are Q·Kᵀ {@code [B, H, Tq, Dk]·[B, H, Tk, Dk]ᵀ}, the weights times V
 * {@code [B, H, Tq, Tk]·[B, H, Tk, Dk]}, and the projections {@code [B, T, D]·[D, Dk]} with one
 * shared weight matrix.
 *
 * <p>Stateless and thread-safe: all scratch memory is local to a call.
 */
public final class BlockedKernel implements Kernel {

    /** This kernel's id. */
    public static final String ID = "blocked";

    @Override
    public String id() {
        return ID;
    }

    /** Above the naive kernel (0): same results within float rounding, faster on all but tiny inputs. */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String description() {
        return "cache-blocked kernel: the naive loops in i-k-j order over 64x64 tiles, single-threaded";
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        float[] a = left.toArray();                              // [batch, M, K]
        float[] b = BlockedMatmul.rightAsKByN(right, shape);     // [batch or 1, K, N]
        float[] c = new float[shape.batch() * shape.m() * shape.n()]; // [batch, M, N]
        for (int e = 0; e < shape.batch(); e++) {
            BlockedMatmul.multiplyRows(a, shape.leftOffset(e), b, shape.rightOffset(e),
                    c, shape.outputOffset(e), 0, shape.m(), shape.k(), shape.n());
        }
        return Tensor.generate(shape.outputShape(), out -> out.put(0, c, 0, c.length));
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        SoftmaxShape shape = SoftmaxShape.of(scores, scale, mask);
        float[] x = scores.toArray();                            // [rows, Tk]
        float[] y = new float[x.length];
        BlockedSoftmax.softmaxRows(x, y, shape, scale, mask, 0, shape.rows());
        return Tensor.generate(scores.shape(), out -> out.put(0, y, 0, y.length));
    }

    @Override
    public String toString() {
        return "BlockedKernel";
    }
}
