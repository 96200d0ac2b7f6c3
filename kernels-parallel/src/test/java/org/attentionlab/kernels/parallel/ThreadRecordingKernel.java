package org.attentionlab.kernels.parallel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/** The blocked kernel, noting every thread that computes a range of its matmul rows. */
final class ThreadRecordingKernel extends RenamedKernel {

    private final Set<Thread> computedOn = ConcurrentHashMap.newKeySet();

    ThreadRecordingKernel() {
        super("thread-recording", 0);
    }

    /** The threads that have computed rows so far. */
    Set<Thread> computedOn() {
        return computedOn;
    }

    @Override
    public RowWork matmulRows(Tensor left, Tensor right, RightOperand operand) {
        RowWork work = super.matmulRows(left, right, operand);
        return new RowWork() {
            @Override
            public int[] outputShape() {
                return work.outputShape();
            }

            @Override
            public int rows() {
                return work.rows();
            }

            @Override
            public long costPerRow() {
                return work.costPerRow();
            }

            @Override
            public int rowBlock() {
                return work.rowBlock();
            }

            @Override
            public int preparationPieces() {
                return work.preparationPieces();
            }

            @Override
            public void prepare(int piece) {
                work.prepare(piece);
            }

            @Override
            public void compute(int rowFrom, int rowTo, TensorWriter out) {
                computedOn.add(Thread.currentThread());
                work.compute(rowFrom, rowTo, out);
            }
        };
    }
}
