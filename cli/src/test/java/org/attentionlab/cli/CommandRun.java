package org.attentionlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of {@code attentionlab}, with what it printed on each stream. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        return of(AttentionLabCommand.newCommandLine(Map.of()), args); // no COLUMNS: the default width
    }

    static CommandRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    /** The lines of the tour step {@code step}, from its title to the next title (or the end). */
    List<String> step(int step) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : out.split("\\R")) {
            if (line.startsWith("── ")) {
                inside = line.startsWith("── " + step + ". ");
            }
            if (inside) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new AssertionError("no step " + step + " in the output:\n" + out);
        }
        return lines;
    }

    /** No stack trace on either stream. */
    boolean hasStackTrace() {
        String all = out + err;
        return all.contains("\tat ") || all.contains("Exception");
    }
}
