package org.attentionlab.cli;

import java.util.Arrays;
import java.util.function.Function;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Tensor;

/**
 * The median time of a few calls of one kernel, after one untimed warm-up call. A rough figure:
 * the JIT may still be compiling, and nothing guards against dead-code elimination or a noisy
 * machine, which is why the benchmarks module's JMH lessons are the reference harness.
 *
 * @param kernel       the kernel timed
 * @param medianMillis the median of the timed calls, in ms
 */
record KernelTiming(Kernel kernel, double medianMillis) {

    /**
     * Times {@code repeats} calls of {@code call} on {@code kernel} after one warm-up call,
     * running {@code afterEach} after every call (the progress bar's step).
     */
    static KernelTiming measure(Kernel kernel, Function<Kernel, Tensor> call, int repeats, Runnable afterEach) {
        long checksum = call.apply(kernel).size(); // warm-up: class loading, first JIT compilations
        afterEach.run();
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            Tensor result = call.apply(kernel);
            millis[i] = (System.nanoTime() - start) / 1e6;
            checksum += result.size(); // uses the result, so it is computed
            afterEach.run();
        }
        if (checksum < 0) {
            throw new AssertionError("unreachable: sizes are never negative");
        }
        Arrays.sort(millis);
        double median = repeats % 2 == 1 ? millis[repeats / 2] : (millis[repeats / 2 - 1] + millis[repeats / 2]) / 2;
        return new KernelTiming(kernel, median);
    }
}
