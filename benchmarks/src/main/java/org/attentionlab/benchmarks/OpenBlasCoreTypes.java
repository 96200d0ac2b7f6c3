package org.attentionlab.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The values of {@code OPENBLAS_CORETYPE} worth measuring (peers.OpenBlas) on this CPU: OpenBLAS's own detection
 * always, and {@code SkylakeX} (its AVX-512 kernels) only where the CPU has AVX-512 enabled
 * ({@code avx512f} among the flags in {@code /proc/cpuinfo}): there it ran about twice as fast as
 * the detected core on this project's machine, and where AVX-512 is not enabled it crashes the
 * JVM with an illegal instruction (SIGILL).
 */
public final class OpenBlasCoreTypes {

    /** No {@code OPENBLAS_CORETYPE}: OpenBLAS's own detection. */
    public static final String AUTO = "auto";

    /** OpenBLAS's AVX-512 core type. */
    public static final String SKYLAKE_X = "SkylakeX";

    /** The environment variable OpenBLAS reads when it loads. */
    public static final String VARIABLE = "OPENBLAS_CORETYPE";

    private OpenBlasCoreTypes() {
    }

    /** The core types to measure on a CPU with these flags, {@link #AUTO} first. */
    public static List<String> supported(Set<String> cpuFlags) {
        List<String> types = new ArrayList<>(List.of(AUTO));
        if (cpuFlags.contains("avx512f")) {
            types.add(SKYLAKE_X);
        }
        return types;
    }

    /** Fails unless the environment sets {@value #VARIABLE} as {@code coreType} says. */
    public static void requireEnvironmentMatches(String coreType) {
        String set = System.getenv(VARIABLE);
        boolean matches = AUTO.equals(coreType) ? set == null || set.isEmpty() : Objects.equals(set, coreType);
        if (!matches) {
            throw new IllegalStateException("coreType=" + coreType + " but " + VARIABLE + " is "
                    + (set == null ? "not set" : "'" + set + "'") + ": start the JMH run with " + VARIABLE + "="
                    + (AUTO.equals(coreType) ? "(unset)" : coreType) + " in its environment (its forks inherit it)");
        }
    }
}
