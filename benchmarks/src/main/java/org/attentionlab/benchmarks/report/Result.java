package org.attentionlab.benchmarks.report;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One line of JMH's JSON results ({@code -rf json}), as the report needs it.
 *
 * @param className      the benchmark class's simple name, e.g. {@code Lesson01_Matmul} or {@code OpenBlas}
 * @param method         the benchmark method: the operation ({@code matmul}, {@code attention}, ...)
 * @param params         the JMH parameters, e.g. {@code kernel=blocked, n=256, threads=1}
 * @param medianMillis   the median of the measured iterations (JMH's 50th percentile), in ms per call
 * @param bytesPerCall   bytes allocated per call ({@code gc.alloc.rate.norm}), if the gc profiler ran
 * @param jdk            the JDK that ran it: version and VM name
 */
public record Result(String className, String method, Map<String, String> params, double medianMillis,
                     OptionalDouble bytesPerCall, String jdk) {

    public Result {
        params = Map.copyOf(params);
    }

    /** Who computed it: the kernel id for our lessons, the peer's name for a peer. */
    public String who() {
        String kernel = params.get("kernel");
        return kernel != null ? kernel : Peer.ofClass(className).map(Peer::displayName).orElse(className);
    }

    /** True for a peer (OpenBLAS, PyTorch, EJML), false for one of our kernels. */
    public boolean isPeer() {
        return !params.containsKey("kernel");
    }

    /** The problem size: {@code n} for products, {@code t} for everything with a sequence. */
    public int size() {
        String size = params.containsKey("n") ? params.get("n") : params.get("t");
        return size == null ? 0 : Integer.parseInt(size);
    }

    /** {@code none} unless a {@code mask} parameter says otherwise. */
    public String mask() {
        return params.getOrDefault("mask", "none");
    }

    /** Threads, 1 unless a {@code threads} parameter says otherwise. */
    public int threads() {
        return Integer.parseInt(params.getOrDefault("threads", "1"));
    }

    /** What a peer must match to be compared with this: operation, size, mask and threads. */
    public String comparisonKey() {
        return method + " " + size() + " " + mask() + " " + threads();
    }
}
