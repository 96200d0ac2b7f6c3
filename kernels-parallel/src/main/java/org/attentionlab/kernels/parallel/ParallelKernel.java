package org.attentionlab.kernels.parallel;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.blocked.BlockedKernel;
import org.attentionlab.kernels.blocked.BlockedMatmul;
import org.attentionlab.kernels.blocked.BlockedSoftmax;

/**
 * The blocked kernel with its outermost loop split over the cores of a {@link ForkJoinPool}.
 *
 * <h2>What is split</h2>
 * The rows of the output. A batched product {@code [batch, M, K]·[.., K, N]} has
 * {@code batch · M} output rows, each computed independently by the blocked row routine
 * {@link BlockedMatmul#multiplyRows}; a {@link java.util.concurrent.RecursiveAction} halves the
 * range of rows (across batch entries and row blocks alike) until a piece is worth about
 * {@value #LEAF_MULTIPLY_ADDS} multiply-adds, and computes each piece on whichever worker takes
 * it. In attention the rows are plentiful: {@code B · H · Tq} of them for Q·Kᵀ and for the
 * weights times V.
 *
 * <h2>Bitwise the same on any number of threads</h2>
 * Threads never share an output element: each {@code C[i][j]} is computed entirely by one call of
 * the sequential row routine, summing over k in the same order as every other call (see
 * {@link BlockedMatmul}). So the result does not depend on the split, the pool size, or timing:
 * it is bit-for-bit the {@link BlockedKernel}'s. Splitting the sum over k between threads would
 * be faster for a few very long rows, but would make the rounding depend on the number of
 * threads; reproducible results are worth more here.
 *
 * <h2>Softmax</h2>
 * Parallel over rows too, with {@link BlockedSoftmax#softmaxRows}: rows are independent and each
 * costs {@code Tk} exponentials, tens of nanoseconds each, so for {@code [B, H, T, T]} scores the
 * softmax is a share of attention's time worth spreading over the cores. Same code per row, so
 * again bit-for-bit the blocked result.
 *
 * <h2>Small inputs and the pool</h2>
 * Forking, stealing and joining a task cost on the order of a microsecond; a product below
 * {@value #LEAF_MULTIPLY_ADDS} multiply-adds (or a softmax below {@value #LEAF_SOFTMAX_ENTRIES}
 * entries) is therefore computed in the calling thread without touching the pool. By default the
 * pool is {@link ForkJoinPool#commonPool()}: it exists anyway, so this kernel starts no threads
 * and leaves none behind. Called from inside a task of its own pool (for example from a parallel
 * stream on the common pool), it runs in that worker, which forks into the same pool and helps
 * with the pieces while it waits, so nesting cannot deadlock.
 */
public final class ParallelKernel implements Kernel {

    /** This kernel's id. */
    public static final String ID = "parallel";

    /**
     * Multiply-adds below which a range of rows is not split further: tens of microseconds of
     * work, far more than the cost of forking it.
     */
    static final long LEAF_MULTIPLY_ADDS = 1L << 16;

    /**
     * Rows a matmul piece keeps at least, however long its rows: the B tile a piece loads into the
     * cache is reused once per row, so one-row pieces would lose the point of blocking.
     */
    static final int MIN_LEAF_ROWS = 8;

    /** Score entries (one exp each) below which a range of softmax rows is not split further. */
    static final long LEAF_SOFTMAX_ENTRIES = 1L << 13;

    private final ForkJoinPool pool;

    /** Uses {@link ForkJoinPool#commonPool()}; the constructor {@link java.util.ServiceLoader} calls. */
    public ParallelKernel() {
        this(ForkJoinPool.commonPool());
    }

    /**
     * Runs on {@code pool}, e.g. {@code new ForkJoinPool(4)} to use four threads. The caller owns
     * the pool and shuts it down; results are the same whatever its parallelism.
     */
    public ParallelKernel(ForkJoinPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public String id() {
        return ID;
    }

    /** Above the blocked kernel (10): the same results, on all cores. */
    @Override
    public int priority() {
        return 20;
    }

    @Override
    public String description() {
        return "parallel kernel: the blocked kernel's rows split over a ForkJoinPool (the common pool unless"
                + " given one); bitwise the same result on any number of threads";
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        float[] a = left.toArray();                              // [batch, M, K]
        float[] b = BlockedMatmul.rightAsKByN(right, shape);     // [batch or 1, K, N]
        int rows = shape.batch() * shape.m();
        float[] c = new float[rows * shape.n()];                 // [batch, M, N]
        MatmulRowsTask all = new MatmulRowsTask(a, b, c, shape, 0, rows);
        if (worthSplittingMatmul(rows, MatmulRowsTask.work(shape, 0, rows))) {
            run(all);
        } else {
            all.computeDirectly(); // too small to pay for a task
        }
        return Tensor.generate(shape.outputShape(), out -> out.put(0, c, 0, c.length));
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        SoftmaxShape shape = SoftmaxShape.of(scores, scale, mask);
        float[] x = scores.toArray();                            // [rows, Tk]
        float[] y = new float[x.length];
        SoftmaxRowsTask all = new SoftmaxRowsTask(x, y, shape, scale, mask, 0, shape.rows());
        if (worthSplittingSoftmax(shape.rows(), SoftmaxRowsTask.work(shape, 0, shape.rows()))) {
            run(all);
        } else {
            all.computeDirectly();
        }
        return Tensor.generate(scores.shape(), out -> out.put(0, y, 0, y.length));
    }

    /** True if {@code rows} output rows costing {@code multiplyAdds} should be split in two. */
    static boolean worthSplittingMatmul(int rows, long multiplyAdds) {
        return rows >= 2 * MIN_LEAF_ROWS && multiplyAdds > LEAF_MULTIPLY_ADDS;
    }

    /** True if {@code rows} softmax rows holding {@code entries} scores should be split in two. */
    static boolean worthSplittingSoftmax(int rows, long entries) {
        return rows >= 2 && entries > LEAF_SOFTMAX_ENTRIES;
    }

    /** Runs {@code task} on this kernel's pool and waits for it. */
    private void run(RecursiveAction task) {
        if (ForkJoinTask.getPool() == pool) {
            task.invoke();     // already a worker of our pool: compute here, forks go to the same pool
        } else {
            pool.invoke(task); // any other thread: hand the task over and wait
        }
    }

    @Override
    public String toString() {
        return "ParallelKernel[parallelism=" + pool.getParallelism() + "]";
    }
}
