package org.attentionlab.benchmarks;

import java.io.IOException;
import java.util.List;
import org.attentionlab.api.Kernels;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The benchmark jar's main class: JMH's own command line ({@code -h} lists its options), with one
 * difference. Unless {@code -p kernel=...} is given, every lesson measures every kernel that
 * {@link Kernels#discover()} finds on the class path, so a kernel jar added to the build is
 * benchmarked without naming it anywhere.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Lesson01 -p n=512 -p threads=1,2}
 */
public final class Lessons {

    private Lessons() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        CommandLineOptions command = new CommandLineOptions(args);
        if (command.shouldHelp() || command.shouldList() || command.shouldListWithParams()
                || command.shouldListProfilers() || command.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args); // JMH's listings and help, unchanged
            return;
        }
        Options options = command;
        VectorApiNotice.ifMissing().ifPresent(System.err::println);
        if (!command.getParameter("kernel").hasValue()) {
            List<String> ids = Kernels.discover().ids();
            System.out.println("Kernels found (ServiceLoader): " + ids);
            options = new OptionsBuilder().parent(command).param("kernel", ids.toArray(String[]::new)).build();
        }
        new Runner(options).run();
    }
}
