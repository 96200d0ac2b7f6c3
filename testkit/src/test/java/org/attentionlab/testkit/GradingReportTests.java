package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The grading report of a run with planted bugs: one line per law, the smallest case, a hint, one trace. */
class GradingReportTests {

    @Test
    void reportsEachLawOnceWithItsSmallestCaseAHintAndOneStackTrace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("grading.md");
        String before = System.getProperty(GradingReport.REPORT_PROPERTY);
        System.setProperty(GradingReport.REPORT_PROPERTY, file.toString());
        try {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new GradingReport(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
                    .build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(
                    selectMethod(GradedKernels.NoRowMaximum.class, "softmaxRowsSumToOne"),
                    selectMethod(GradedKernels.NoRowMaximum.class, "matmulAgreesWithNaive"),
                    selectMethod(GradedKernels.IgnoresMask.class, "maskedEntriesAreExactlyZero"),
                    selectMethod(GradedKernels.IgnoresMask.class, "concurrentCallsAgree")).build());
        } finally {
            if (before == null) {
                System.clearProperty(GradingReport.REPORT_PROPERTY);
            } else {
                System.setProperty(GradingReport.REPORT_PROPERTY, before);
            }
        }
        String report = Files.readString(file);

        assertTrue(report.contains("# Attention Lab grading: GradedKernels$NoRowMaximum"), report);
        assertTrue(report.contains("Score: **1 of 2 laws passed**"), report);
        assertTrue(report.contains("| PASS | matmulAgreesWithNaive | 100 |"), report);
        assertTrue(report.matches("(?s).*\\| FAIL \\| softmaxRowsSumToOne \\| 100 \\(\\d+ failed\\) \\| scores \\[1\\] × .*"),
                report);
        assertTrue(report.contains("**Hint:** the weights hold NaN or ∞"), report);
        assertEquals(2, report.split("```\n", -1).length / 2, "one stack trace per failing law:\n" + report);
        assertTrue(report.contains("| SKIP | concurrentCallsAgree | 1 | ran "), "a law that failed is not reported"
                + " again by the concurrency law:\n" + report);
        assertTrue(report.contains("Score: **0 of 1 laws passed (1 skipped)**"), report);
    }
}
