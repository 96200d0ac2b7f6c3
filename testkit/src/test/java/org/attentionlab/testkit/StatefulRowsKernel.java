package org.attentionlab.testkit;

import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/**
 * Broken on purpose: a {@link SplittableKernel} whose {@link RowWork} hands out rows from a cursor
 * it keeps between calls, as if ranges always came in order. Right for {@code computeAll()} (so
 * every other law passes), wrong when rows are computed in another grouping.
 */
public final class StatefulRowsKernel extends BrokenKernel implements SplittableKernel {

    static final String ID = "test-stateful-rows";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RowWork matmulRows(Tensor left, Tensor right, RightOperand operand) {
        return new CursorRows(naive.matmul(left, right, operand));
    }

    @Override
    public RowWork softmaxRows(Tensor scores, float scale, Mask mask) {
        return new CursorRows(naive.softmax(scores, scale, mask));
    }

    @Override
    public RowWork attentionRows(AttentionInputs inputs) {
        return new CursorRows(naive.attention(inputs));
    }

    /** Rows of a computed result, handed out in order whatever range is asked for. */
    private static final class CursorRows implements RowWork {
        private final Tensor result;
        private int cursor; // the bug: state shared between compute calls

        CursorRows(Tensor result) {
            this.result = result;
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
        public void compute(int rowFrom, int rowTo, TensorWriter out) {
            int width = result.dim(-1);
            float[] row = new float[width];
            for (int r = rowFrom; r < rowTo; r++) {
                result.values().get(cursor++ % rows() * width, row, 0, width);
                out.put(r * width, row, 0, width);
            }
        }
    }
}
