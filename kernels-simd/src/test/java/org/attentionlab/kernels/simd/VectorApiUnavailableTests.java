package org.attentionlab.kernels.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --add-modules jdk.incubator.vector} the other kernels are still found, and this one
 * is listed as skipped with the flag to add. Checked in a child JVM started without the flag (about
 * half a second), on this test's own class path.
 */
class VectorApiUnavailableTests {

    @Test
    void withoutTheModuleTheOthersAreFoundAndSimdIsSkippedNamingTheFlag() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DiscoveryReport.class.getName());
        builder.environment().remove("JDK_JAVA_OPTIONS");  // nothing may add the module behind our back
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.redirectErrorStream(true);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, child.exitValue(), output);

        List<String> lines = output.lines().toList();
        String ids = lines.stream().filter(l -> l.startsWith("ids ")).findFirst().orElse("(none)");
        assertTrue(ids.contains("naive"), "the other kernels are still found: " + output);
        assertTrue(!ids.contains(SimdKernel.ID), "simd cannot work without the module: " + output);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("skipped " + SimdKernel.class.getName() + ":")
                        && l.contains("run the JVM with --add-modules jdk.incubator.vector")),
                "simd is listed as skipped, with the exact flag: " + output);
    }
}
