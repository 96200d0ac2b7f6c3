package org.attentionlab.kernels.parallel;

import java.util.concurrent.RecursiveAction;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.TensorWriter;

/**
 * The one parallel-for of the parallel kernel: computes rows {@code from..to-1} of any
 * {@link RowWork} (a matmul, a softmax, a fused attention), halving the range until a piece is
 * worth about {@value #LEAF_COST} units of work ({@link RowWork#costPerRow()}: multiply-adds or
 * exponentials), and computing each piece on whichever worker takes it.
 *
 * <p>Pieces start at multiples of {@link RowWork#rowBlock()} (the last one may be shorter), so
 * a piece is never smaller than the block of rows the sequential kernel reuses its packed operands
 * for. Forking, stealing and joining a task cost on the order of a microsecond; a leaf is tens of
 * microseconds of work.
 *
 * <p>Threads never share an output row, and a row's values do not depend on the range it was
 * computed in (the {@link RowWork} contract), so the result is the same, bit for bit, however the
 * pieces fall on the threads.
 */
@SuppressWarnings("serial") // ForkJoinTask is Serializable for historical reasons; these tasks are never serialized
final class RowRangeTask extends RecursiveAction {

    /** Work (multiply-adds or exponentials) below which a range is not split further. */
    static final long LEAF_COST = 1L << 16;

    private final RowWork work;
    private final TensorWriter out;
    private final int from;
    private final int to;

    RowRangeTask(RowWork work, TensorWriter out, int from, int to) {
        this.work = work;
        this.out = out;
        this.from = from;
        this.to = to;
    }

    /** True if rows {@code from..to-1} of {@code work} are worth more than one piece. */
    static boolean worthSplitting(RowWork work, int from, int to) {
        return splitPoint(work, from, to) < to && (long) (to - from) * work.costPerRow() > 2 * LEAF_COST;
    }

    /** About the middle of the range, rounded up to a whole number of row blocks from {@code from}. */
    private static int splitPoint(RowWork work, int from, int to) {
        int block = Math.max(1, work.rowBlock());
        long half = (to - from) / 2;
        long rounded = (half + block - 1) / block * block;
        return (int) Math.min(to, from + Math.max(block, rounded));
    }

    @Override
    protected void compute() {
        if (!worthSplitting(work, from, to)) {
            work.compute(from, to, out);
            return;
        }
        int middle = splitPoint(work, from, to);
        invokeAll(new RowRangeTask(work, out, from, middle), new RowRangeTask(work, out, middle, to));
    }
}
