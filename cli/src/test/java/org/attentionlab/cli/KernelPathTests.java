package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --kernel-path: a user's own kernel jar, which 'java -jar' would not let onto the class path. */
class KernelPathTests {

    @Test
    void aPluginJarOnTheKernelPathIsListedAndTheTourRunsOnIt(@TempDir Path dir) throws IOException {
        Path jar = PluginJar.build(dir);

        CommandRun listing = CommandRun.of("--kernel-path", jar.toString(), "kernels");
        CommandRun tour = CommandRun.of("tour", "--kernel-path", jar.toString(), "--kernel", PluginJar.ID);

        assertEquals(0, listing.exitCode(), listing.err());
        assertTrue(listing.out().lines().anyMatch(line -> line.startsWith("  " + PluginJar.ID + " ")), listing.out());
        assertEquals(1, PluginJar.mentions(listing.out()).size(), listing.out());
        assertTrue(listing.out().lines().anyMatch(line -> line.startsWith("* ")), "the default is still marked");
        assertEquals(0, tour.exitCode(), tour.err());
        assertTrue(tour.out().contains("kernel:   " + PluginJar.ID + ", chosen with --kernel"), tour.out());
        assertTrue(tour.out().contains("on kernel " + PluginJar.ID), tour.out());
    }

    /** The option is global: every command that computes (heatmap too, not only the tour) uses the plugin. */
    @Test
    void theHeatmapRunsOnAPluginFromTheKernelPathToo(@TempDir Path dir) throws IOException {
        Path jar = PluginJar.build(dir);
        Path png = dir.resolve("weights.png");

        CommandRun heatmap = CommandRun.of("--kernel-path", jar.toString(), "heatmap", "--kernel", PluginJar.ID,
                "--sentence", "dog bites man", "--out", png.toString());

        assertEquals(0, heatmap.exitCode(), heatmap.err());
        assertTrue(heatmap.out().contains("kernel " + PluginJar.ID), heatmap.out());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void withoutTheKernelPathThePluginIsNotThere(@TempDir Path dir) throws IOException {
        PluginJar.build(dir);

        CommandRun run = CommandRun.of("tour", "--kernel", PluginJar.ID);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown kernel id '" + PluginJar.ID + "'"), run.err());
    }

    @Test
    void aDirectoryGivesItsJarsAndSeveralEntriesAreSeparatedByThePathSeparator(@TempDir Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.build(plugins);
        Path broken = PluginJar.broken(Files.createDirectories(dir.resolve("broken")));

        CommandRun run = CommandRun.of("kernels", "--kernel-path", plugins + File.pathSeparator + broken);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, PluginJar.mentions(run.out()).size(), run.out());
        assertTrue(run.out().contains("org.example.MissingKernel"), "the failure Kernels reports is shown: " + run.out());
        assertFalse(run.out().contains("could not be loaded: none"), run.out());
    }

    @Test
    void aKernelPathThatDoesNotExistIsAUsageError(@TempDir Path dir) {
        CommandRun run = CommandRun.of("--kernel-path", dir.resolve("nope.jar").toString(), "kernels");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'--kernel-path'") && run.err().contains("nope.jar"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
    }
}
