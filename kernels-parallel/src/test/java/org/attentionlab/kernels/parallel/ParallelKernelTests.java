package org.attentionlab.kernels.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.MatmulCase;
import org.attentionlab.testkit.SoftmaxCase;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.attentionlab.kernels.blocked.BlockedKernel;
import org.junit.jupiter.api.Test;

/**
 * What the parallel kernel promises beyond the contract: the same bits on any number of threads,
 * for matmul, softmax and fused attention; safe nesting inside ForkJoin tasks; no pool at all for
 * small inputs; and a delegate that is named.
 */
class ParallelKernelTests {

    private static final SplittableKernel BLOCKED = new BlockedKernel();

    private static final List<MatmulCase> PRODUCTS = List.of(
            // projection-like: [B=2, T=3·130 rows, D=67] · shared [67, 129]
            new MatmulCase(List.of(2, 3), 130, 67, 129, true, RightOperand.AS_IS, 1),
            // Q·Kᵀ-like: [B·H=4, Tq=100, Dk=64] · [4, Tk=120, Dk=64]ᵀ
            new MatmulCase(List.of(4), 100, 64, 120, false, RightOperand.TRANSPOSED, 2),
            // one long matrix, prime sizes
            new MatmulCase(List.of(), 257, 31, 97, false, RightOperand.AS_IS, 3));

    private static final List<SoftmaxCase> SOFTMAXES = List.of(
            new SoftmaxCase(List.of(2, 4, 130, 130), MaskKind.CAUSAL, 10, 4),
            new SoftmaxCase(List.of(3, 61, 200), MaskKind.FULLY_MASKED_ROWS, 1, 5),
            new SoftmaxCase(List.of(2, 2, 64, 64), MaskKind.CAUSAL_AND_KEY_PADDING, 100, 6));

    private static final List<AttentionInputs> ATTENTIONS = List.of(
            // causal self-attention with a padded batch entry: [B=2, H=3, T=77, Dk=19 / Dv=13]
            AttentionInputs.of(Tensor.randomNormal(7, 2, 3, 77, 19).times(3f), Tensor.randomNormal(8, 2, 3, 77, 19),
                    Tensor.randomNormal(9, 2, 3, 77, 13)).withMask(Mask.causal().and(Mask.keyPadding(77, 20))),
            // unmasked cross attention [H=5, Tq=90, Dk=16] against [5, Tk=61, ..]
            AttentionInputs.of(Tensor.randomNormal(10, 5, 90, 16), Tensor.randomNormal(11, 5, 61, 16),
                    Tensor.randomNormal(12, 5, 61, 8)));

    @Test
    void resultsAreBitwiseIdenticalWhateverThePoolSize() {
        workOf(BLOCKED).forEach(work -> assertTrue(RowRangeTask.worthSplitting(work, 0, work.rows()),
                "work of shape " + java.util.Arrays.toString(work.outputShape()) + " is too small to be split,"
                        + " so it would prove nothing"));

        List<Tensor> reference = resultsOf(BLOCKED); // one thread, no tasks
        for (int threads : new int[] {1, 2, 3}) {
            List<Tensor> given = onPool(threads, pool -> resultsOf(new ParallelKernel(pool, BLOCKED)));
            List<Tensor> discovered = onPool(threads, pool -> resultsOf(new ParallelKernel(pool)));
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.get(i), given.get(i), "result " + i + " on " + threads + " threads");
                assertEquals(reference.get(i), discovered.get(i), "result " + i + " on " + threads
                        + " threads, discovered delegate");
            }
        }
        assertEquals(reference, resultsOf(new ParallelKernel()), "on the common pool");
    }

    @Test
    void onTheCommonPoolTheCallingThreadComputesToo() throws Exception {
        // The common pool has a worker fewer than the cores, counting on the caller as the last:
        // on two cores a caller that only waited would leave all the work to one thread.
        ThreadRecordingKernel delegate = new ThreadRecordingKernel();
        Kernel kernel = new ParallelKernel(ForkJoinPool.commonPool(), delegate);
        MatmulCase big = PRODUCTS.get(0);
        Thread caller = new Thread(() -> kernel.matmul(big.left(), big.right(), big.operand()), "plain caller");

        caller.start();
        caller.join(TimeUnit.MINUTES.toMillis(1));

        RowWork work = delegate.matmulRows(big.left(), big.right(), big.operand());
        assertTrue(RowRangeTask.worthSplitting(work, 0, work.rows()), "a case too small to split proves nothing");
        assertTrue(delegate.computedOn().contains(caller), "rows computed only on " + delegate.computedOn());
    }

    @Test
    void callsFromInsideACommonPoolTaskWork() throws Exception {
        Kernel kernel = new ParallelKernel();
        List<Tensor> expected = resultsOf(kernel);

        List<Tensor> inside = ForkJoinPool.commonPool().submit(() -> resultsOf(kernel)).get(1, TimeUnit.MINUTES);
        // and from many common-pool tasks at once, as a parallel stream over requests would do
        List<List<Tensor>> nested = IntStream.range(0, 6).parallel().mapToObj(i -> resultsOf(kernel))
                .collect(Collectors.toList());

        assertEquals(expected, inside);
        nested.forEach(results -> assertEquals(expected, results));
    }

    @Test
    void callFromTheOnlyWorkerOfItsOwnPoolDoesNotDeadlock() {
        List<Tensor> expected = resultsOf(BLOCKED);

        List<Tensor> inside = onPool(1, pool -> {
            Kernel kernel = new ParallelKernel(pool);
            // the one worker runs this and must compute the forked pieces itself
            return pool.submit(() -> resultsOf(kernel)).get(1, TimeUnit.MINUTES);
        });

        assertEquals(expected, inside);
    }

    @Test
    void callFromAnotherPoolsTaskWorks() {
        List<Tensor> expected = resultsOf(BLOCKED);

        List<Tensor> inside = onPool(2, kernelPool -> onPool(1, callerPool -> {
            Kernel kernel = new ParallelKernel(kernelPool);
            return callerPool.submit(() -> resultsOf(kernel)).get(1, TimeUnit.MINUTES);
        }));

        assertEquals(expected, inside);
    }

    @Test
    void smallInputsAreComputedInTheCallingThreadWithoutThePool() {
        ForkJoinPool closed = new ForkJoinPool(2);
        closed.shutdown(); // any task handed to it is rejected
        Kernel kernel = new ParallelKernel(closed, BLOCKED);
        Tensor a = Tensor.randomNormal(1, 2, 7, 13);
        Tensor b = Tensor.randomNormal(2, 13, 31);
        Tensor scores = Tensor.randomNormal(3, 2, 7, 7);
        AttentionInputs small = AttentionInputs.of(a, a, a).withMask(Mask.causal());

        assertEquals(BLOCKED.matmul(a, b), kernel.matmul(a, b));
        assertEquals(BLOCKED.softmax(scores), kernel.softmax(scores));
        assertEquals(BLOCKED.attention(small), kernel.attention(small));
        // while work worth splitting does need the pool
        MatmulCase big = PRODUCTS.get(0);
        assertThrows(RejectedExecutionException.class, () -> kernel.matmul(big.left(), big.right()));
        assertThrows(RejectedExecutionException.class, () -> kernel.attention(ATTENTIONS.get(0)));
    }

    @Test
    void poolAndDelegateAreRequired() {
        assertThrows(NullPointerException.class, () -> new ParallelKernel(null));
        assertThrows(NullPointerException.class, () -> new ParallelKernel(ForkJoinPool.commonPool(), null));
    }

    @Test
    void descriptionNamesTheDelegate() {
        SplittableKernel fast = new RenamedKernel("fast", 50);

        assertTrue(new ParallelKernel(ForkJoinPool.commonPool(), fast).description().contains("'fast'"));
        assertTrue(new ParallelKernel().description().contains("'blocked'"),
                "on this class path the fastest splittable kernel is the blocked one");
    }


    private static List<Tensor> resultsOf(Kernel kernel) {
        List<Tensor> results = PRODUCTS.stream().map(c -> kernel.matmul(c.left(), c.right(), c.operand()))
                .collect(Collectors.toList());
        SOFTMAXES.forEach(c -> results.add(kernel.softmax(c.scores(), c.mask())));
        ATTENTIONS.forEach(inputs -> results.add(kernel.attention(inputs)));
        return results;
    }

    /** The row work behind {@link #resultsOf}, as {@code kernel} prepares it. */
    private static List<RowWork> workOf(SplittableKernel kernel) {
        List<RowWork> work = PRODUCTS.stream().map(c -> kernel.matmulRows(c.left(), c.right(), c.operand()))
                .collect(Collectors.toList());
        SOFTMAXES.forEach(c -> work.add(kernel.softmaxRows(c.scores(), 1f, c.mask())));
        ATTENTIONS.forEach(inputs -> work.add(kernel.attentionRows(inputs)));
        return work;
    }

    /** Runs {@code body} with a new pool of {@code threads} threads, and shuts the pool down after. */
    private static <T> T onPool(int threads, ThrowingFunction<ForkJoinPool, T> body) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return body.apply(pool);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
            try {
                assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "pool threads did not stop");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while stopping the pool", e);
            }
        }
    }

    /** A function that may throw, for bodies that wait on futures. */
    @FunctionalInterface
    private interface ThrowingFunction<A, R> {
        R apply(A argument) throws Exception;
    }
}
