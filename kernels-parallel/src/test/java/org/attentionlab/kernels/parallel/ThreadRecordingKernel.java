package org.attentionlab.kernels.parallel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;
import org.attentionlab.kernels.blocked.BlockedKernel;

/** The blocked kernel, noting every thread that computes a range of its matmul rows. */
final class ThreadRecordingKernel implements SplittableKernel {

    private final SplittableKernel blocked = new BlockedKernel();
    private final Set<Thread> computedOn = ConcurrentHashMap.newKeySet();

    /** The threads that have computed rows so far. */
    Set<Thread> computedOn() {
        return computedOn;
    }

    @Override
    public String id() {
        return "thread-recording";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public RowWork matmulRows(Tensor left, Tensor right, RightOperand operand) {
        RowWork work = blocked.matmulRows(left, right, operand);
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

    @Override
    public RowWork softmaxRows(Tensor scores, float scale, Mask mask) {
        return blocked.softmaxRows(scores, scale, mask);
    }

    @Override
    public RowWork attentionRows(AttentionInputs inputs) {
        return blocked.attentionRows(inputs);
    }
}
