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
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * The kit's one concurrency harness: {@link Budget#THREADS} threads share one instance and are
 * released at the same moment (so calls overlap and shared scratch state is caught), each making
 * its calls {@link Budget#ROUNDS_PER_THREAD} times, and every result is checked.
 *
 * <p>Only calls that pass their check on one thread take part: a call that is wrong on one thread
 * is a bug for the sequential laws, not for this one. Such calls are named and the law is then
 * reported as skipped, pointing at the law that covers them.
 */
final class Concurrently {

    /**
     * One call of a concurrency law: what it computes, the sequential law that covers it (named
     * when the call is left out because it fails on one thread too), and how its result is checked.
     */
    record Call<T>(String description, String sequentialLaw, Callable<T> call, Consumer<T> check) {

        /** True if the call, made from this thread alone, passes its check. */
        boolean holdsOnOneThread() {
            try {
                check.accept(call.call());
                return true;
            } catch (Exception | AssertionError e) {
                return false;
            }
        }
    }

    private Concurrently() {
    }

    /**
     * Runs the {@code candidates} that hold on one thread from every thread at once (thread
     * {@code t} takes calls {@code t}, {@code t + THREADS}, ..., and at least one); {@code leftOut}
     * names calls the law already left out. Aborts (skips) the law, after checking the rest, if any was.
     */
    static <T> void assertAgreeAtOnce(List<Call<T>> candidates, List<String> leftOut) throws InterruptedException {
        List<Call<T>> calls = new ArrayList<>();
        List<String> skipped = new ArrayList<>(leftOut);
        for (Call<T> call : candidates) {
            if (call.holdsOnOneThread()) {
                calls.add(call);
            } else {
                skipped.add(call.description() + " (fails on one thread too: see " + call.sequentialLaw() + ")");
            }
        }
        if (calls.isEmpty()) {
            Assumptions.abort("not run: every call fails on one thread too, see " + skipped);
        }
        ExecutorService threads = Executors.newFixedThreadPool(Budget.THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(Budget.THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < Budget.THREADS; t++) {
                List<Call<T>> mine = new ArrayList<>();
                for (int i = t; i < Math.max(calls.size(), Budget.THREADS); i += Budget.THREADS) {
                    mine.add(calls.get(i % calls.size()));
                }
                futures.add(threads.submit(() -> callAndCheck(mine, start)));
            }
            for (int t = 0; t < futures.size(); t++) {
                try {
                    futures.get(t).get(2, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof AssertionError failure ? failure
                            : new AssertionError("thread " + t + " failed: " + e.getCause(), e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("the calls on thread " + t + " did not finish within 2 minutes", e);
                }
            }
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES), "the calls did not finish");
        }
        if (!skipped.isEmpty()) {
            Assumptions.abort("ran " + calls.size() + " calls on " + Budget.THREADS + " threads at once, all agreed;"
                    + " left out " + skipped.size() + " that fail on one thread: " + skipped);
        }
    }

    /**
     * One thread's part: waits for the others, makes its calls round after round, then checks
     * every result. A call that throws or a result that fails its check fails the law.
     */
    private static <T> Void callAndCheck(List<Call<T>> mine, CyclicBarrier start) throws Exception {
        start.await(); // every thread calls at the same moment
        List<T> results = new ArrayList<>();
        for (int round = 0; round < Budget.ROUNDS_PER_THREAD; round++) {
            for (Call<T> call : mine) {
                try {
                    results.add(call.call().call());
                } catch (Exception e) {
                    throw new AssertionError(call.description() + " threw, called by " + Budget.THREADS
                            + " threads at once: " + e, e);
                }
            }
        }
        for (int i = 0; i < results.size(); i++) {
            Call<T> call = mine.get(i % mine.size());
            try {
                call.check().accept(results.get(i));
            } catch (AssertionError e) {
                throw new AssertionError(call.description() + ", called by " + Budget.THREADS
                        + " threads at once: " + e.getMessage(), e);
            }
        }
        return null;
    }
}
