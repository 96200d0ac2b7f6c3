package org.attentionlab.kernels.parallel;

import java.util.concurrent.RecursiveAction;
import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.kernels.blocked.BlockedSoftmax;

/**
 * Computes the softmax of a range of rows of {@code [rows, Tk]} scores, splitting it in halves
 * until a piece is small enough to compute directly with {@link BlockedSoftmax#softmaxRows}.
 * Each row costs {@code Tk} exponentials; rows are independent.
 */
@SuppressWarnings("serial") // ForkJoinTask is Serializable for historical reasons; these tasks are never serialized
final class SoftmaxRowsTask extends RecursiveAction {

    private final float[] x;      // scores [rows, Tk]
    private final float[] y;      // weights [rows, Tk], written
    private final SoftmaxShape shape;
    private final float scale;
    private final Mask mask;
    private final int from;
    private final int to;

    SoftmaxRowsTask(float[] x, float[] y, SoftmaxShape shape, float scale, Mask mask, int from, int to) {
        this.x = x;
        this.y = y;
        this.shape = shape;
        this.scale = scale;
        this.mask = mask;
        this.from = from;
        this.to = to;
    }

    /** Score entries in rows {@code from..to}: one exp each. */
    static long work(SoftmaxShape shape, int from, int to) {
        return (long) (to - from) * shape.keys();
    }

    @Override
    protected void compute() {
        if (!ParallelKernel.worthSplittingSoftmax(to - from, work(shape, from, to))) {
            computeDirectly();
            return;
        }
        int middle = (from + to) >>> 1;
        invokeAll(new SoftmaxRowsTask(x, y, shape, scale, mask, from, middle),
                new SoftmaxRowsTask(x, y, shape, scale, mask, middle, to));
    }

    void computeDirectly() {
        BlockedSoftmax.softmaxRows(x, y, shape, scale, mask, from, to);
    }
}
