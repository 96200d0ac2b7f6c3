package org.attentionlab.assignments;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs a starter's tests (package {@code com.example}) in the JVM {@link StartersTests} starts for
 * it, as the starter's own {@code mvn test} would, and prints one summary line the proof reads:
 * {@code RESULT tests=N failed=F}, after the first failures' messages.
 */
public final class StarterRun {

    private StarterRun() {
    }

    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectPackage("com.example")).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.getFailures().stream().limit(5).forEach(f -> System.out.println("FAILURE " + f.getTestIdentifier().getDisplayName()
                + ": " + String.valueOf(f.getException().getMessage()).lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("")));
        summary.printTo(new PrintWriter(System.out));
        System.out.println("RESULT tests=" + summary.getTestsFoundCount() + " failed=" + summary.getTotalFailureCount());
    }
}
