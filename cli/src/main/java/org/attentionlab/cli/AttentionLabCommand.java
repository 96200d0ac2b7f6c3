package org.attentionlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code attentionlab} command: {@code attentionlab tour} walks a sentence through attention,
 * {@code attentionlab kernels} lists the kernels that can compute it.
 *
 * <p>Run it from the fat jar built by this module:
 * {@code java --add-modules jdk.incubator.vector -jar cli/target/attentionlab.jar tour}.
 */
@Command(name = "attentionlab",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = "Attention Lab: run, see, swap and extend every piece of transformer attention.",
        subcommands = {TourCommand.class, KernelsCommand.class, BenchCommand.class},
        footer = {"", "New here? Start with:  attentionlab tour"})
public final class AttentionLabCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Whether the terminal can show the tour's symbols (·, ᵀ, √, ░▒▓█) or needs plain ASCII. */
    private final boolean unicodeTerminal;

    /** For picocli and tests: the output is assumed to show Unicode. */
    public AttentionLabCommand() {
        this(true);
    }

    private AttentionLabCommand(boolean unicodeTerminal) {
        this.unicodeTerminal = unicodeTerminal;
    }

    /** True unless {@link #main} found a terminal encoding that cannot show the tour's symbols. */
    boolean unicodeTerminal() {
        return unicodeTerminal;
    }

    /** Without a subcommand there is nothing to do: say so, with the usage (exit code 2). */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose 'tour' or 'kernels'.");
    }

    /**
     * The command line, ready to {@link CommandLine#execute}: user errors (an unknown kernel id, a
     * bad option value) end in one readable line instead of a stack trace.
     */
    public static CommandLine newCommandLine() {
        return configure(new CommandLine(new AttentionLabCommand()));
    }

    private static CommandLine configure(CommandLine commandLine) {
        OneLineErrors errors = new OneLineErrors();
        return commandLine.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
    }

    /** Runs the command and exits with its exit code: 0 ok, 1 error, 2 usage error. */
    public static void main(String[] args) {
        Charset charset = terminalCharset();
        CommandLine commandLine = configure(new CommandLine(
                new AttentionLabCommand(!AsciiFallback.isNeededFor(charset))));
        // Write in the terminal's own encoding, so that what we choose to print is what it shows.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        int exitCode = commandLine.setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /**
     * The encoding {@code System.out} writes in: {@code stdout.encoding} (JDK 19+), the older
     * {@code sun.stdout.encoding}, else the default charset (which follows the locale on JDK 17).
     */
    private static Charset terminalCharset() {
        for (String property : List.of("stdout.encoding", "sun.stdout.encoding")) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }
}
