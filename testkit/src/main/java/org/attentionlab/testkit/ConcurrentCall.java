package org.attentionlab.testkit;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.attentionlab.api.Tensor;

/**
 * One call of a concurrency law: what it computes, the sequential law that covers it (named when
 * the call is left out because it fails on one thread too), and how its result is checked.
 */
record ConcurrentCall(String description, String sequentialLaw, Callable<Tensor> call, Consumer<Tensor> check) {

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
