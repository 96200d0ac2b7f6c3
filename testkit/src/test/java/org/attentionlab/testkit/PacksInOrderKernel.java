package org.attentionlab.testkit;

import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/**
 * Broken on purpose: a {@link SplittableKernel} whose {@link RowWork} copies its result in
 * preparation pieces, but each piece continues reading where the previous one stopped, as if pieces
 * always came in order. Right for {@code computeAll()} (so every other law passes), wrong when the
 * pieces run in another order, as they do on several threads.
 */
public final class PacksInOrderKernel extends BrokenKernel implements SplittableKernel {

    static final String ID = "test-packs-in-order";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RowWork matmulRows(Tensor left, Tensor right, RightOperand operand) {
        return new PiecewiseCopy(naive.matmul(left, right, operand));
    }

    @Override
    public RowWork softmaxRows(Tensor scores, float scale, Mask mask) {
        return new PiecewiseCopy(naive.softmax(scores, scale, mask));
    }

    @Override
    public RowWork attentionRows(AttentionInputs inputs) {
        return new PiecewiseCopy(naive.attention(inputs));
    }

    /** A computed result, copied in four pieces of rows before any row is handed out. */
    private static final class PiecewiseCopy implements RowWork {
        private static final int PIECES = 4;
        private final Tensor result;
        private final float[] copy;
        private int cursor; // the bug: where the last piece stopped, shared between pieces

        PiecewiseCopy(Tensor result) {
            this.result = result;
            this.copy = new float[result.size()];
        }

        @Override
        public int[] outputShape() {
            return result.shape();
        }

        @Override
        public int rows() {
            return result.rank() == 0 || result.dim(-1) == 0 ? 0 : result.size() / result.dim(-1);
        }

        @Override
        public long costPerRow() {
            return result.rank() == 0 ? 1 : result.dim(-1);
        }

        @Override
        public int preparationPieces() {
            return PIECES;
        }

        @Override
        public void prepare(int piece) {
            int length = (copy.length + PIECES - 1) / PIECES;
            int to = Math.min(copy.length, (piece + 1) * length);
            int from = Math.min(to, piece * length);
            result.values().get(cursor, copy, from, to - from); // should read from 'from'
            cursor += to - from;
        }

        @Override
        public void compute(int rowFrom, int rowTo, TensorWriter out) {
            int width = result.dim(-1);
            out.put(rowFrom * width, copy, rowFrom * width, (rowTo - rowFrom) * width);
        }
    }
}
