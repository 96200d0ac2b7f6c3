package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The kit's one concurrency harness: runs one task per thread, all released at the same moment
 * (so calls overlap and shared scratch state is caught), and returns each task's result.
 */
final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs every task on its own thread, starting together; {@code what} names the tasks in
     * failures ("forward", "encodings"). A task that throws fails the law, naming its index.
     */
    static <T> List<T> run(String what, List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CyclicBarrier start = new CyclicBarrier(tasks.size());
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await(); // every thread calls at the same moment
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (int t = 0; t < futures.size(); t++) {
                try {
                    results.add(futures.get(t).get(2, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    throw new AssertionError(what + " threw on thread " + t + " of " + tasks.size()
                            + " threads at once: " + e.getCause(), e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError(what + " on thread " + t + " did not finish within 2 minutes", e);
                }
            }
            return results;
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES), what + " calls did not finish");
        }
    }
}
