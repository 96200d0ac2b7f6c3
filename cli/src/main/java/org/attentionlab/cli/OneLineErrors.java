package org.attentionlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns the errors a user can cause into one line on the error stream instead of a stack trace.
 *
 * <p>The api and attention modules report bad requests as {@link IllegalArgumentException} (an
 * unknown kernel id, shapes that do not fit) or {@link IllegalStateException} (no kernel on the
 * class path), with messages written to be read: for example {@code unknown kernel id 'nope';
 * available ids: [naive]}. Those are shown as they are. Anything else is a bug in Attention Lab
 * and keeps its stack trace, so that it can be reported and fixed.
 *
 * <p>A bad option (unknown, unparsable, or a value the command rejects) is also one line, plus a
 * pointer to the command's help rather than the whole usage text; its exit code stays picocli's
 * usage-error code (2).
 */
final class OneLineErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        String command = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(commandLine.getColorScheme().errorText(command + ": " + exception.getMessage()));
        commandLine.getErr().println("Try '" + command + " --help' for the options.");
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult)
            throws Exception {
        if (!(exception instanceof IllegalArgumentException || exception instanceof IllegalStateException)) {
            throw exception;
        }
        String command = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(commandLine.getColorScheme().errorText(command + ": " + exception.getMessage()));
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }
}
