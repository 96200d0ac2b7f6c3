package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class AttentionLabCommandTests {

    @Test
    void helpListsBothSubcommands() {
        CommandRun run = CommandRun.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("tour") && run.out().contains("kernels"), run.out());
    }

    @Test
    void helpTourAndHelpOptionBeforeTourShowTheToursHelp() {
        String tourHelp = CommandRun.of("tour", "--help").out();

        assertTrue(tourHelp.contains("--sentence") && tourHelp.startsWith("Usage: attentionlab tour"), tourHelp);
        for (String[] args : new String[][] {{"help", "tour"}, {"--help", "tour"}, {"-h", "tour", "--seed", "7"}}) {
            CommandRun run = CommandRun.of(args);

            assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(tourHelp, run.out(), String.join(" ", args));
        }
        assertEquals(CommandRun.of("--help").out(), CommandRun.of("help").out());
    }

    @Test
    void theHelpSaysHowToRunTheCommandThatExists() {
        String help = CommandRun.of("--help").out();

        assertTrue(help.contains("cli/target/attentionlab tour"), help);
        assertTrue(help.contains("java --add-modules jdk.incubator.vector -jar cli/target/attentionlab.jar tour"), help);
        assertTrue(help.lines().allMatch(line -> line.length() <= 80), help);
    }

    @Test
    void versionNamesTheProgram() {
        CommandRun run = CommandRun.of("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("attentionlab "), run.out());
    }

    @Test
    void withoutASubcommandItIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing subcommand") && run.err().contains("Try 'attentionlab --help'"), run.err());
        assertEquals(2, run.err().strip().lines().count(), "the error and a pointer to the help, not the whole usage: "
                + run.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CommandRun run = CommandRun.of("tour", "--colour");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--colour"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
    }

    @Test
    void aBadRequestReportedByTheLibraryIsOneLine() {
        CommandRun run = CommandRun.of(new CommandLine(new Throwing(new IllegalArgumentException("shapes do not fit")))
                .setExecutionExceptionHandler(new OneLineErrors()));

        assertEquals(1, run.exitCode());
        assertEquals("throwing: shapes do not fit", run.err().strip());
    }

    @Test
    void aBugKeepsItsStackTrace() {
        CommandRun run = CommandRun.of(new CommandLine(new Throwing(new NullPointerException("bug")))
                .setExecutionExceptionHandler(new OneLineErrors()));

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("NullPointerException: bug") && run.err().contains("\tat "), run.err());
    }

    /** A command that fails the way it is told to. */
    @Command(name = "throwing")
    static final class Throwing implements Callable<Integer> {
        private final RuntimeException failure;

        Throwing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }
}
