package org.attentionlab.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.attentionlab.api.Kernels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
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
        subcommands = {TourCommand.class, KernelsCommand.class, HeatmapCommand.class, BenchCommand.class,
                TrainCommand.class, HelpCommand.class},
        footer = {
            "",
            "New here? After ./mvnw -q -B -pl cli -am package -DskipTests, run the tour:",
            "  cli/target/attentionlab tour",
            "or, without the launcher script:",
            "  java --add-modules jdk.incubator.vector -jar cli/target/attentionlab.jar tour"
        })
public final class AttentionLabCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--width", paramLabel = "<columns>", scope = ScopeType.INHERIT,
            description = "Lay the output out for a terminal this many columns wide (at least " + TourPage.MIN_WIDTH
                    + "; prose stays within " + TourPage.PROSE_WIDTH + ", wider tables are folded)."
                    + " Default: the COLUMNS environment variable if it is set, else " + TourPage.PROSE_WIDTH + ".")
    private Integer width;

    @Option(names = "--kernel-path", paramLabel = "<jar or dir>",
            scope = ScopeType.INHERIT, split = "${sys:path.separator}", splitSynopsisLabel = "${sys:path.separator}",
            description = "Also look for kernel plugins in these jars and directories (a directory: its jars, and"
                    + " the directory itself as a class folder). 'java -jar' ignores -cp; this is the way to add"
                    + " your own kernel. Separate several with '${sys:path.separator}'.")
    private List<Path> kernelPath = new ArrayList<>();

    /** Whether the terminal can show the tour's symbols (·, ᵀ, √, ░▒▓█) or needs plain ASCII. */
    private final boolean unicodeTerminal;
    /** The environment variables the command reads (COLUMNS). */
    private final Map<String, String> environment;

    /** For picocli and tests: the output is assumed to show Unicode. */
    public AttentionLabCommand() {
        this(true, System.getenv());
    }

    private AttentionLabCommand(boolean unicodeTerminal, Map<String, String> environment) {
        this.unicodeTerminal = unicodeTerminal;
        this.environment = Map.copyOf(environment);
    }

    /** True unless {@link #main} found a terminal encoding that cannot show the tour's symbols. */
    boolean unicodeTerminal() {
        return unicodeTerminal;
    }

    /**
     * The terminal's width in columns: {@code --width}, else {@code COLUMNS} (a terminal narrower
     * than {@value TourPage#MIN_WIDTH} gets that many), else {@value TourPage#PROSE_WIDTH}.
     *
     * @throws ParameterException if {@code --width} is below {@value TourPage#MIN_WIDTH}
     */
    int width() {
        if (width != null) {
            if (width < TourPage.MIN_WIDTH) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--width': " + width
                        + " is too narrow for the tour's tables; use at least " + TourPage.MIN_WIDTH + ".");
            }
            return width;
        }
        try {
            return Math.max(TourPage.MIN_WIDTH, Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip()));
        } catch (NumberFormatException notSetOrNotANumber) {
            return TourPage.PROSE_WIDTH;
        }
    }

    /**
     * The kernels every subcommand runs on, discovered once per run through {@code parent}'s
     * {@link #kernelClassLoader()} (so {@code --kernel-path} works for all of them), or through the
     * context class loader when a subcommand runs on its own (as some tests run them).
     *
     * @param reporter receives one line per provider that could not be used
     */
    static Kernels discoverKernels(AttentionLabCommand parent, Consumer<String> reporter) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = parent != null ? parent.kernelClassLoader()
                : context != null ? context : AttentionLabCommand.class.getClassLoader();
        return Kernels.discover(loader, reporter);
    }

    /**
     * Where kernels are discovered: the application's class loader, or a {@link URLClassLoader}
     * over the {@code --kernel-path} entries whose parent is the application's, so a plugin
     * compiled against the api sees the same {@code Kernel} interface as the command.
     *
     * @throws ParameterException if an entry does not exist
     */
    ClassLoader kernelClassLoader() {
        ClassLoader application = AttentionLabCommand.class.getClassLoader();
        if (kernelPath.isEmpty()) {
            return application;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : kernelPath) {
            if (!Files.exists(entry)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--kernel-path': " + entry
                        + " does not exist; give kernel jars or directories.");
            }
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.list(entry)) {
                    files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted()
                            .forEach(jar -> urls.add(url(jar)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + entry, e);
                }
            }
            urls.add(url(entry));
        }
        // Lives as long as the command, which ends the process: nothing to close.
        return new URLClassLoader(urls.toArray(URL[]::new), application);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + path, e);
        }
    }

    /** Without a subcommand there is nothing to do: say so, with the usage (exit code 2). */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose 'tour', 'kernels' or 'help'.");
    }

    /**
     * The command line, ready to {@link CommandLine#execute}: user errors (an unknown kernel id, a
     * bad option value) end in one readable line instead of a stack trace.
     */
    public static CommandLine newCommandLine() {
        return configure(new CommandLine(new AttentionLabCommand()));
    }

    /** {@link #newCommandLine()} reading these environment variables instead of the process's. */
    static CommandLine newCommandLine(Map<String, String> environment) {
        return configure(new CommandLine(new AttentionLabCommand(true, environment)));
    }

    private static CommandLine configure(CommandLine commandLine) {
        OneLineErrors errors = new OneLineErrors();
        return commandLine.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors)
                .setExecutionStrategy(AttentionLabCommand::helpOfTheLastCommand);
    }

    /**
     * Runs the last subcommand, as picocli does, except that a help option anywhere shows the help
     * of the last command named: {@code --help tour} is tour's help, like {@code tour --help} and
     * {@code help tour}, not the top-level help that picocli prints by default.
     */
    private static int helpOfTheLastCommand(ParseResult parseResult) {
        ParseResult last = parseResult;
        boolean helpAsked = parseResult.isUsageHelpRequested();
        while (last.hasSubcommand()) {
            last = last.subcommand();
            helpAsked |= last.isUsageHelpRequested();
        }
        if (helpAsked) {
            CommandLine command = last.commandSpec().commandLine();
            command.usage(command.getOut(), command.getColorScheme());
            return command.getCommandSpec().exitCodeOnUsageHelp();
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Runs the command and exits with its exit code: 0 ok, 1 error, 2 usage error. */
    public static void main(String[] args) {
        Charset charset = terminalCharset();
        CommandLine commandLine = configure(new CommandLine(
                new AttentionLabCommand(!AsciiFallback.isNeededFor(charset), System.getenv())));
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
