package org.attentionlab.kernels.blocked;

import java.util.Objects;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;

/**
 * The naive kernel plus cache blocking, on one thread, in plain scalar Java: the same sums,
 * reordered and tiled so that each float is reused from registers and caches many times
 * ({@link PackedMatmul}, {@link MicroKernel}), a softmax on flat rows ({@link BlockedSoftmax}), and
 * fused attention that never holds the {@code Tq × Tk} scores ({@link OnlineSoftmaxAttention}).
 *
 * <p>A batched product {@code [..., M, K]·[..., K, N]} is {@code batch} independent matrix
 * products (see {@link MatmulShape}). In attention these are Q·Kᵀ
 * {@code [B, H, Tq, Dk]·[B, H, Tk, Dk]ᵀ}, the weights times V {@code [B, H, Tq, Tk]·[B, H, Tk, Dv]},
 * and the projections {@code [B, T, D]·[D, Dk]} with one shared weight matrix.
 *
 * <p>Every operation is a {@link RowWork} (operands checked and packed once), and each method
 * here computes all of its rows: the parallel kernel runs the same work a range of rows per thread.
 *
 * <p>Stateless and thread-safe: all scratch memory is local to a call.
 */
public final class BlockedKernel implements SplittableKernel {

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
        return "cache-blocked kernel: packed panels and a 4x4 register tile, fused online-softmax attention;"
                + " single-threaded scalar Java";
    }

    @Override
    public RowWork matmulRows(Tensor left, Tensor right, RightOperand operand) {
        return new PackedMatmul(left, right, operand);
    }

    @Override
    public RowWork softmaxRows(Tensor scores, float scale, Mask mask) {
        return new BlockedSoftmax(scores, scale, mask);
    }

    @Override
    public RowWork attentionRows(AttentionInputs inputs) {
        return new OnlineSoftmaxAttention(Objects.requireNonNull(inputs, "inputs"));
    }

    @Override
    public String toString() {
        return "BlockedKernel";
    }
}
