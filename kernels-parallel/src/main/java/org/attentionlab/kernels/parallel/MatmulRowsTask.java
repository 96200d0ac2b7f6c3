package org.attentionlab.kernels.parallel;

import java.util.concurrent.RecursiveAction;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.kernels.blocked.BlockedMatmul;

/**
 * Computes a range of output rows of a batched product, splitting it in halves until a piece is
 * small enough to compute directly with {@link BlockedMatmul#multiplyRows}.
 *
 * <p>The work items are the output rows of every batch entry, numbered {@code e · M + i} for row
 * {@code i} of batch entry {@code e}: a range of them is a few row blocks of one or more entries
 * of {@code [batch, M, N]}. Each row costs {@code K · N} multiply-adds.
 */
@SuppressWarnings("serial") // ForkJoinTask is Serializable for historical reasons; these tasks are never serialized
final class MatmulRowsTask extends RecursiveAction {

    private final float[] a;      // [batch, M, K]
    private final float[] b;      // [batch or 1, K, N]
    private final float[] c;      // [batch, M, N], written
    private final MatmulShape shape;
    private final int from;       // first work item (global row)
    private final int to;         // one past the last

    MatmulRowsTask(float[] a, float[] b, float[] c, MatmulShape shape, int from, int to) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.shape = shape;
        this.from = from;
        this.to = to;
    }

    /** Multiply-adds in rows {@code from..to}. */
    static long work(MatmulShape shape, int from, int to) {
        return (long) (to - from) * shape.k() * shape.n();
    }

    @Override
    protected void compute() {
        if (!ParallelKernel.worthSplittingMatmul(to - from, work(shape, from, to))) {
            computeDirectly();
            return;
        }
        int middle = (from + to) >>> 1;
        invokeAll(new MatmulRowsTask(a, b, c, shape, from, middle), new MatmulRowsTask(a, b, c, shape, middle, to));
    }

    /** The blocked row routine, once per batch entry that the range touches. */
    void computeDirectly() {
        int m = shape.m();
        for (int row = from; row < to; ) {
            int entry = row / m;
            int entryEnd = Math.min(to, (entry + 1) * m);
            BlockedMatmul.multiplyRows(a, shape.leftOffset(entry), b, shape.rightOffset(entry),
                    c, shape.outputOffset(entry), row - entry * m, entryEnd - entry * m, shape.k(), shape.n());
            row = entryEnd;
        }
    }
}
