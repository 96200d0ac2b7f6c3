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
import org.attentionlab.api.Kernel;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.MatmulCase;
import org.attentionlab.testkit.SoftmaxCase;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.attentionlab.kernels.blocked.BlockedKernel;
import org.junit.jupiter.api.Test;

/**
 * What the parallel kernel promises beyond the contract: the same bits on any number of threads,
 * safe nesting inside ForkJoin tasks, and no pool at all for small inputs.
 */
class ParallelKernelTests {

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

    @Test
    void resultsAreBitwiseIdenticalWhateverThePoolSize() {
        for (MatmulCase c : PRODUCTS) {
            MatmulShape shape = MatmulShape.of(c.left(), c.right(), c.operand());
            int rows = shape.batch() * shape.m();
            assertTrue(ParallelKernel.worthSplittingMatmul(rows, (long) rows * shape.k() * shape.n()),
                    c + " is too small to be split, so it would prove nothing");
        }
        for (SoftmaxCase c : SOFTMAXES) {
            SoftmaxShape shape = SoftmaxShape.of(c.scores(), c.mask());
            assertTrue(ParallelKernel.worthSplittingSoftmax(shape.rows(), (long) shape.rows() * shape.keys()),
                    c + " is too small to be split, so it would prove nothing");
        }

        List<Tensor> reference = resultsOf(new BlockedKernel()); // one thread, no tasks
        for (int threads : new int[] {1, 2, 3}) {
            List<Tensor> results = onPool(threads, pool -> resultsOf(new ParallelKernel(pool)));
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.get(i), results.get(i), "result " + i + " on " + threads + " threads");
            }
        }
        assertEquals(reference, resultsOf(new ParallelKernel()), "on the common pool");
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
        List<Tensor> expected = resultsOf(new BlockedKernel());

        List<Tensor> inside = onPool(1, pool -> {
            Kernel kernel = new ParallelKernel(pool);
            // the one worker runs this and must compute the forked pieces itself
            return pool.submit(() -> resultsOf(kernel)).get(1, TimeUnit.MINUTES);
        });

        assertEquals(expected, inside);
    }

    @Test
    void callFromAnotherPoolsTaskWorks() {
        List<Tensor> expected = resultsOf(new BlockedKernel());

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
        Kernel kernel = new ParallelKernel(closed);
        Kernel blocked = new BlockedKernel();
        Tensor a = Tensor.randomNormal(1, 2, 7, 13);
        Tensor b = Tensor.randomNormal(2, 13, 31);
        Tensor scores = Tensor.randomNormal(3, 2, 7, 7);

        assertEquals(blocked.matmul(a, b), kernel.matmul(a, b));
        assertEquals(blocked.softmax(scores), kernel.softmax(scores));
        // while a product worth splitting does need the pool
        MatmulCase big = PRODUCTS.get(0);
        assertThrows(RejectedExecutionException.class, () -> kernel.matmul(big.left(), big.right()));
    }

    @Test
    void poolIsRequired() {
        assertThrows(NullPointerException.class, () -> new ParallelKernel(null));
    }

    private static List<Tensor> resultsOf(Kernel kernel) {
        List<Tensor> results = PRODUCTS.stream().map(c -> kernel.matmul(c.left(), c.right(), c.operand()))
                .collect(Collectors.toList());
        SOFTMAXES.forEach(c -> results.add(kernel.softmax(c.scores(), c.mask())));
        return results;
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
