package org.attentionlab.kernels.parallel;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;

/**
 * A sequential kernel plus one parallel-for: each operation is prepared by a
 * {@link SplittableKernel} (the delegate) as a {@link RowWork}, and its output rows are split
 * over the threads of a {@link ForkJoinPool} by {@link RowRangeTask}.
 *
 * <h2>What is split</h2>
 * The rows of the output, across batch entries, heads and row blocks alike: {@code B·H·Tq} rows
 * for Q·Kᵀ, for the softmax and for the weights times V, and for fused attention
 * ({@link #attention}) one row per query, each computed by the delegate's tiled online softmax in
 * O(T·D) memory. The delegate packs the operands once, before the rows are split, and where it
 * offers the packing in pieces ({@link RowWork#preparationPieces()}) the threads share that too;
 * afterwards they only read the packed operands.
 *
 * <h2>Which delegate</h2>
 * Given to the constructor, or else chosen at first use ({@link DelegateChoice}): the kernel named
 * by {@code -Dattentionlab.parallel.delegate=<id>}, otherwise the fastest splittable kernel on the
 * class path, otherwise the blocked kernel. The choice waits for first use because
 * {@link java.util.ServiceLoader} constructs this class during discovery: discovering again in the
 * constructor would recurse, and the contract wants the constructor cheap and free of I/O.
 *
 * <h2>Bitwise the same on any number of threads</h2>
 * Threads never share an output row, and the delegate computes a row with the same bits whichever
 * range it is in (the {@link RowWork} contract). So the result does not depend on the split, the
 * pool size or timing: it is bit for bit the delegate's own. Splitting the sum over K between
 * threads would be faster for a few very long rows, but would make the rounding depend on the
 * number of threads; reproducible results are worth more here.
 *
 * <h2>Small inputs and the pool</h2>
 * Work worth less than two leaves ({@link RowRangeTask#LEAF_COST}) is computed in the calling
 * thread without touching the pool. By default the pool is {@link ForkJoinPool#commonPool()}: it
 * exists anyway, so this kernel starts no threads and leaves none behind. Its workers are one fewer
 * than the cores, and the calling thread computes beside them. Called from inside a
 * task of its own pool (for example from a parallel stream on the common pool), it runs in that
 * worker, which forks into the same pool and helps with the pieces while it waits, so nesting
 * cannot deadlock, even on a pool of one thread.
 */
public final class ParallelKernel implements Kernel {

    /** This kernel's id. */
    public static final String ID = "parallel";

    private final ForkJoinPool pool;

    /**
     * The sequential kernel each piece runs on; {@code null} until first use when it is discovered.
     * Two threads racing on first use may both discover; they find the same kernel.
     */
    private volatile SplittableKernel delegate;

    /** Runs on {@link ForkJoinPool#commonPool()}, delegate discovered; the constructor {@link java.util.ServiceLoader} calls. */
    public ParallelKernel() {
        this(ForkJoinPool.commonPool());
    }

    /**
     * Runs on {@code pool}, e.g. {@code new ForkJoinPool(4)} to use four threads, delegating to the
     * discovered kernel. The caller owns the pool and shuts it down; results are the same whatever
     * its parallelism.
     */
    public ParallelKernel(ForkJoinPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** Runs {@code delegate}'s row work on {@code pool}: no discovery. */
    public ParallelKernel(ForkJoinPool pool, SplittableKernel delegate) {
        this(pool);
        this.delegate = Objects.requireNonNull(delegate, "delegate");
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
        return "parallel kernel: the '" + delegate().id() + "' kernel's rows split over a ForkJoinPool (the common"
                + " pool unless given one); bitwise the same result on any number of threads";
    }

    @Override
    public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        return compute(delegate().matmulRows(left, right, operand));
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        return compute(delegate().softmaxRows(scores, scale, mask));
    }

    /** The delegate's fused attention, one row per query, in parallel; other inputs go to the composed default. */
    @Override
    public Tensor attention(AttentionInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        return inputs.isStandard() ? compute(delegate().attentionRows(inputs)) : Kernel.super.attention(inputs);
    }

    /** The kernel this one runs on its threads (discovered on first call if not given). */
    public SplittableKernel delegate() {
        SplittableKernel chosen = delegate;
        if (chosen == null) {
            chosen = DelegateChoice.fromClassPath();
            delegate = chosen;
        }
        return chosen;
    }

    /** All rows of {@code work}: on this kernel's pool if worth it, otherwise right here. */
    private Tensor compute(RowWork work) {
        if (!RowRangeTask.worthSplitting(work, 0, work.rows())) {
            return work.computeAll(); // too small to pay for a task
        }
        return Tensor.generate(work.outputShape(), out -> {
            ForkJoinTask<?> all = ForkJoinTask.adapt(() -> {
                new PreparationTask(work, 0, work.preparationPieces()).invoke(); // e.g. packing, shared out
                new RowRangeTask(work, out, 0, work.rows()).invoke();           // then the rows
            });
            if (ForkJoinTask.getPool() == pool || callerJoinsCommonPool()) {
                all.invoke();     // compute here too; forks go to our pool
            } else {
                pool.invoke(all); // a worker of another pool, or our own pool: hand the task over and wait
            }
        });
    }

    /**
     * True if this kernel runs on the common pool and the caller is a plain thread. The common pool
     * has one worker fewer than there are cores because the caller is meant to be the last one:
     * {@link ForkJoinTask#invoke()} from a plain thread computes in that thread, and its forks go
     * to the common pool. Handing the task over with {@link ForkJoinPool#invoke} instead makes it
     * a race on JDK 17: the caller computes only if it takes the task back before a worker wakes
     * up for it; otherwise it waits, and on two cores all the work falls to a single worker.
     */
    private boolean callerJoinsCommonPool() {
        return pool == ForkJoinPool.commonPool() && !ForkJoinTask.inForkJoinPool();
    }

    @Override
    public String toString() {
        SplittableKernel chosen = delegate;
        return "ParallelKernel[parallelism=" + pool.getParallelism() + ", delegate="
                + (chosen == null ? "(chosen at first use)" : chosen.id()) + "]";
    }
}
