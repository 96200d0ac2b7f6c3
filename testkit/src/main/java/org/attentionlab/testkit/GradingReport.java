package org.attentionlab.testkit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.attentionlab.testkit.LawFailure.AlsoFails;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The grading report: one line per law of the kit's contracts that ran (passed, failed or
 * skipped, cases run, the smallest failing case), a score per test class, and for each failing
 * law its failure, a hint where the kit has one and one stack trace. Written to
 * {@value #DEFAULT_FILE} (or {@code -Dattentionlab.testkit.report=path}) for an instructor to
 * collect, and printed when the run ends: in full if a law failed, one line per class if all
 * passed.
 *
 * <p>A JUnit Platform {@link TestExecutionListener}, registered in this jar's
 * {@code META-INF/services}, so any build that runs the kit's contracts on the JUnit Platform
 * (Maven Surefire 3, Gradle, an IDE) writes it without configuration. A law is a test method
 * declared in one of the kit's contract interfaces; its cases are the dynamic tests or
 * parameterized invocations below it.
 */
public final class GradingReport implements TestExecutionListener {

    /** System property: where to write the report. */
    public static final String REPORT_PROPERTY = "attentionlab.testkit.report";

    /** Where the report goes by default, relative to the working directory (a Maven module's base directory). */
    public static final String DEFAULT_FILE = "target/attentionlab-grading.md";

    /** Stack frames shown per failing law. */
    private static final int FRAMES = 12;

    private final Map<String, Law> laws = new LinkedHashMap<>(); // by the law's unique id, in run order
    private final java.io.PrintStream terminal;
    private TestPlan plan;

    /** The listener JUnit's ServiceLoader creates: prints to {@link System#out}. */
    public GradingReport() {
        this(System.out);
    }

    /** A listener that prints to {@code terminal} (the kit's own tests pass a quiet one). */
    GradingReport(java.io.PrintStream terminal) {
        this.terminal = terminal;
    }

    /** One law of one test class, as it ran. */
    private static final class Law {
        final String testClass;
        final String name;
        int cases;
        int failed;
        int skipped;
        Status own;
        Throwable firstFailure;
        String skipReason;

        Law(String testClass, String name) {
            this.testClass = testClass;
            this.name = name;
        }

        String status() {
            return own == Status.FAILED || failed > 0 ? "FAIL"
                    : own == Status.ABORTED || (cases > 0 && skipped == cases) ? "SKIP" : "PASS";
        }
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        laws.clear();
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        if (isLaw(id)) {
            law(id);
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (isLaw(id)) {
            Law law = law(id);
            law.own = Status.ABORTED;
            law.skipReason = reason;
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (isLaw(id)) {
            Law law = law(id);
            law.own = result.getStatus();
            if (id.isTest()) {
                count(law, result);
            } else if (result.getStatus() != Status.SUCCESSFUL) {
                note(law, result);
            }
            return;
        }
        if (id.isTest()) {
            lawAbove(id).ifPresent(law -> count(law, result));
        }
    }

    private static void count(Law law, TestExecutionResult result) {
        law.cases++;
        if (result.getStatus() == Status.FAILED || result.getThrowable().orElse(null) instanceof AlsoFails) {
            law.failed++; // an AlsoFails is aborted only to keep the build's summary short
        } else if (result.getStatus() == Status.ABORTED) {
            law.skipped++;
        }
        note(law, result);
    }

    private static void note(Law law, TestExecutionResult result) {
        Throwable thrown = result.getThrowable().orElse(null);
        if (result.getStatus() == Status.FAILED && law.firstFailure == null) {
            law.firstFailure = thrown;
        } else if (result.getStatus() == Status.ABORTED && law.skipReason == null && thrown != null
                && !(thrown instanceof AlsoFails)) {
            law.skipReason = thrown.getMessage();
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (laws.isEmpty()) {
            return;
        }
        Map<String, List<Law>> byClass = laws.values().stream().sorted(Comparator.comparing((Law law) -> law.name))
                .collect(Collectors.groupingBy(law -> law.testClass, LinkedHashMap::new, Collectors.toList()));
        StringBuilder report = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        boolean anyFailed = false;
        for (Map.Entry<String, List<Law>> entry : byClass.entrySet()) {
            anyFailed |= write(entry.getKey(), entry.getValue(), report, summary);
        }
        Path file = Path.of(System.getProperty(REPORT_PROPERTY, DEFAULT_FILE));
        String where;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, report, StandardCharsets.UTF_8);
            where = "report: " + file;
        } catch (IOException e) {
            where = "could not write the report to " + file + ": " + e;
        }
        terminal.println(anyFailed ? "\n" + report + "\n" + where : summary + "attentionlab grading " + where);
    }

    /** Appends one class's section; returns true if a law failed. */
    private static boolean write(String testClass, List<Law> laws, StringBuilder report, StringBuilder summary) {
        long passed = laws.stream().filter(law -> law.status().equals("PASS")).count();
        long failed = laws.stream().filter(law -> law.status().equals("FAIL")).count();
        long skipped = laws.size() - passed - failed;
        String score = passed + " of " + (passed + failed) + " laws passed"
                + (skipped == 0 ? "" : " (" + skipped + " skipped)");
        summary.append("attentionlab grading: %s: %s\n".formatted(simpleName(testClass), score));
        report.append("# Attention Lab grading: %s\n\nScore: **%s**\n\n".formatted(simpleName(testClass), score))
                .append("| Result | Law | Cases | Smallest failing case, or why skipped |\n|---|---|---|---|\n");
        for (Law law : laws) {
            String cases = law.cases + (law.failed == 0 ? "" : " (" + law.failed + " failed)");
            String note = switch (law.status()) {
                case "FAIL" -> smallestCase(law.firstFailure);
                case "SKIP" -> String.valueOf(law.skipReason);
                default -> "";
            };
            report.append("| %s | %s | %s | %s |\n".formatted(law.status(), law.name, cases, cell(note)));
        }
        for (Law law : laws) {
            if (law.status().equals("FAIL") && law.firstFailure != null) {
                Throwable f = law.firstFailure;
                LawFailure failure = f instanceof LawFailure l ? l : null;
                report.append("\n## %s failed\n\n".formatted(law.name));
                if (failure != null && failure.smallest() != null) {
                    report.append("Smallest failing case: %s\n\n".formatted(failure.smallest()));
                }
                report.append(failure == null ? f.getMessage() : failure.detail()).append("\n\n");
                if (failure != null && failure.hint() != null) {
                    report.append("**Hint:** %s\n\n".formatted(failure.hint()));
                }
                report.append("```\n%s```\n".formatted(trace(f)));
            }
        }
        report.append('\n');
        return failed > 0;
    }

    private static String smallestCase(Throwable failure) {
        return failure instanceof LawFailure l && l.smallest() != null ? l.smallest()
                : LawFailure.firstLine(failure == null ? "" : String.valueOf(failure.getMessage()));
    }

    /** The first {@value #FRAMES} frames of the failure, down to the law (not the harness that ran it). */
    private static String trace(Throwable failure) {
        StringBuilder out = new StringBuilder(failure.getClass().getName()).append('\n');
        Arrays.stream(failure.getStackTrace()).takeWhile(frame -> !frame.getClassName().startsWith("org.junit.")
                && !frame.getClassName().equals(ForAll.class.getName())).limit(FRAMES)
                .forEach(frame -> out.append("\tat ").append(frame).append('\n'));
        if (failure.getCause() != null) {
            out.append("Caused by: ").append(failure.getCause()).append('\n');
        }
        return out.toString();
    }

    private static String cell(String text) {
        String line = text.replace('\n', ' ').replace("|", "\\|");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private Law law(TestIdentifier id) {
        MethodSource source = (MethodSource) id.getSource().orElseThrow();
        return laws.computeIfAbsent(id.getUniqueId(), u -> new Law(source.getClassName(), source.getMethodName()));
    }

    /** The law a case belongs to: its parent (the kit's laws make cases directly, never in containers). */
    private Optional<Law> lawAbove(TestIdentifier id) {
        return plan == null ? Optional.empty() : plan.getParent(id).map(parent -> laws.get(parent.getUniqueId()));
    }

    /**
     * True for a test method declared in one of the kit's contract interfaces, but not for its
     * cases (dynamic tests and parameterized invocations, whose source is the same method).
     */
    private boolean isLaw(TestIdentifier id) {
        return declaredByTheKit(id) && !(plan != null && plan.getParent(id).map(GradingReport::declaredByTheKit).orElse(false));
    }

    private static boolean declaredByTheKit(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).map(source -> {
            try {
                Method method = source.getJavaMethod();
                Class<?> declaring = method.getDeclaringClass();
                return declaring.isInterface() && declaring.getPackageName().equals(GradingReport.class.getPackageName());
            } catch (RuntimeException e) {
                return false; // a method that cannot be resolved is none of the kit's laws
            }
        }).orElse(false);
    }
}
