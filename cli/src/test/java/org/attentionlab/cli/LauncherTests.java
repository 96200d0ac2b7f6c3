package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command as a user runs it: the launcher script cli/target/attentionlab next to
 * the fat jar, in a process of its own. Run by failsafe after package (not by surefire, which
 * runs before the jar exists).
 */
class LauncherTests {

    private static final Path TARGET = Path.of("target");

    @Test
    void theLauncherRunsTheTourFromTheJarBesideIt() throws Exception {
        Result run = launch(List.of(), "tour", "--kernel", "naive");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Attention Lab tour"), run.out());
        assertTrue(run.out().contains("End of the tour."), run.out());
    }

    @Test
    void theLauncherAddsAttentionlabClasspathSoAUsersKernelJarIsFound(@TempDir Path dir) throws Exception {
        Path jar = PluginJar.build(dir);

        Result listing = launch(List.of("ATTENTIONLAB_CLASSPATH=" + jar), "kernels");
        Result tour = launch(List.of("ATTENTIONLAB_CLASSPATH=" + jar), "tour", "--kernel", PluginJar.ID);

        assertEquals(0, listing.exitCode(), listing.err());
        assertEquals(1, PluginJar.mentions(listing.out()).size(), listing.out());
        assertEquals(0, tour.exitCode(), tour.err());
        assertTrue(tour.out().contains("on kernel " + PluginJar.ID), tour.out());
    }

    @Test
    void theJarTakesAKernelPathToo(@TempDir Path dir) throws Exception {
        Path jar = PluginJar.build(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Result listing = run(List.of(), java, "--add-modules", "jdk.incubator.vector", "-jar",
                TARGET.resolve("attentionlab.jar").toString(), "--kernel-path", jar.toString(), "kernels");

        assertEquals(0, listing.exitCode(), listing.err());
        assertEquals(1, PluginJar.mentions(listing.out()).size(), listing.out());
    }

    @Test
    void thePackageLeavesOneFatJarAndNoStaleCopy() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<String> jars = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
            assertTrue(jars.contains("attentionlab.jar"), jars.toString());
            assertTrue(jars.stream().noneMatch(name -> name.startsWith("original-")), jars.toString());
        }
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs cli/target/attentionlab with the same JDK as this test. */
    private static Result launch(List<String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(TARGET.resolve("attentionlab").toString()));
        command.addAll(List.of(args));
        List<String> withJavaHome = new ArrayList<>(environment);
        withJavaHome.add("JAVA_HOME=" + System.getProperty("java.home"));
        return run(withJavaHome, command.toArray(String[]::new));
    }

    private static Result run(List<String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("ATTENTIONLAB_CLASSPATH");
        for (String variable : environment) {
            int equals = variable.indexOf('=');
            builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        Path out = Files.createTempFile("attentionlab", ".out");
        Path err = Files.createTempFile("attentionlab", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
