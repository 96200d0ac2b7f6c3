package org.attentionlab.testkit;

import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;

/**
 * The base of the broken kernels whose bug is in their {@link RowWork}: every operation is
 * computed right, by the naive kernel, and {@link #rowsOf} hands the result out as rows, with the
 * bug.
 */
abstract class BrokenRowsKernel extends BrokenKernel implements SplittableKernel {

    /** {@code result} as row work, with this kernel's bug. */
    abstract RowWork rowsOf(Tensor result);

    @Override
    public RowWork matmulRows(Tensor left, Tensor right, RightOperand operand) {
        return rowsOf(naive.matmul(left, right, operand));
    }

    @Override
    public RowWork softmaxRows(Tensor scores, float scale, Mask mask) {
        return rowsOf(naive.softmax(scores, scale, mask));
    }

    @Override
    public RowWork attentionRows(AttentionInputs inputs) {
        return rowsOf(naive.attention(inputs));
    }

    /** The rows of a computed result: its shape, row count and cost; a subclass hands them out. */
    abstract static class ResultRows implements RowWork {
        final Tensor result;

        ResultRows(Tensor result) {
            this.result = result;
        }

        /** Floats per row. */
        int width() {
            return result.dim(-1);
        }

        @Override
        public int[] outputShape() {
            return result.shape();
        }

        @Override
        public int rows() {
            return result.rank() == 0 || width() == 0 ? 0 : result.size() / width();
        }

        @Override
        public long costPerRow() {
            return result.rank() == 0 ? 1 : width();
        }
    }
}
