package org.attentionlab.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The machine a report was measured on: CPU model, flags and caches, cores and JDK. On Linux read
 * from {@code /proc/cpuinfo} and {@code lscpu}; elsewhere the fields say what is unknown.
 *
 * @param cpuModel the {@code model name} line
 * @param cpuFlags the {@code flags} line, as a set
 * @param caches   {@code lscpu}'s cache lines, e.g. {@code L2: 1 MiB (2 instances)}
 * @param cores    the processors the JVM sees
 * @param jdk      version and VM of the JDK that ran the suite
 */
public record MachineInfo(String cpuModel, Set<String> cpuFlags, List<String> caches, int cores, String jdk) {

    public MachineInfo {
        cpuFlags = Set.copyOf(cpuFlags);
        caches = List.copyOf(caches);
    }

    /** This machine, now. */
    public static MachineInfo current() {
        String model = "unknown (no /proc/cpuinfo)";
        Set<String> flags = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name") && model.startsWith("unknown")) {
                    model = line.substring(line.indexOf(':') + 1).strip();
                } else if (line.startsWith("flags") && flags.isEmpty()) {
                    flags.addAll(Arrays.asList(line.substring(line.indexOf(':') + 1).strip().split("\\s+")));
                }
            }
        } catch (IOException e) {
            // not Linux: the report says unknown
        }
        return new MachineInfo(model, flags, lscpuCaches(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version") + ", " + System.getProperty("java.vm.name"));
    }

    /** True if the flags include {@code flag} (e.g. {@code avx2}, {@code avx512f}). */
    public boolean has(String flag) {
        return cpuFlags.contains(flag);
    }

    private static List<String> lscpuCaches() {
        try {
            Process lscpu = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
            String text;
            try (InputStream out = lscpu.getInputStream()) {
                text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            lscpu.waitFor(10, TimeUnit.SECONDS);
            return text.lines().filter(line -> line.contains("cache:")).map(line -> line.strip().replaceAll("\\s{2,}", " "))
                    .toList();
        } catch (IOException e) {
            return List.of("unknown (no lscpu)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("unknown (interrupted)");
        }
    }
}
