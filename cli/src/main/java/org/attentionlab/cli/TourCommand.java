package org.attentionlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.text.WhitespaceTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code attentionlab tour}: one sentence through self-attention, step by step, every number
 * printed; then the course's worked example and why word order needs positional encoding.
 */
@Command(name = "tour",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Walks one sentence through self-attention, step by step.",
            "",
            "Prints the tokens, embeddings, queries, keys and values, the scores, the weights (with a heatmap)"
                    + " and the multi-head output; then the course material's worked example, and why attention"
                    + " needs positional encoding to see word order."
        })
public final class TourCommand implements Callable<Integer> {

    /** The course material's example sentence. */
    public static final String DEFAULT_SENTENCE = "The animal didn't cross the street because it was too tired";

    /** Widest model the tour prints: 64 columns of numbers are already past what a terminal shows. */
    static final int MAX_D_MODEL = 64;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private AttentionLabCommand parent;

    @Option(names = "--sentence", paramLabel = "<text>", defaultValue = DEFAULT_SENTENCE,
            description = "The sentence (lower-cased, split at white space). Default: \"${DEFAULT-VALUE}\".")
    private String sentence;

    @Option(names = "--kernel", paramLabel = "<id>",
            description = "The kernel that computes every product and softmax ('attentionlab kernels' lists them)."
                    + " Default: the one with the highest priority, or the one named by the system property "
                    + Kernels.KERNEL_PROPERTY + ".")
    private String kernelId;

    @Option(names = "--seed", paramLabel = "<long>", defaultValue = "42",
            description = "Seed of the random embeddings and weight matrices. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--d-model", paramLabel = "<D>", defaultValue = "8",
            description = "Model width D, at most " + MAX_D_MODEL + ". Default: ${DEFAULT-VALUE}.")
    private int dModel;

    @Option(names = "--heads", paramLabel = "<H>", defaultValue = "2",
            description = "Number of heads H; D must be a multiple of H. Default: ${DEFAULT-VALUE}.")
    private int heads;

    @Option(names = "--ascii",
            description = "Plain ASCII output, for terminals that cannot show the heatmap's block characters.")
    private boolean ascii;

    @Override
    public Integer call() {
        checkOptions();
        Kernels kernels = Kernels.discover(classLoader(), spec.commandLine().getErr()::println);
        Kernel kernel = kernelId == null ? kernels.defaultKernel() : kernels.byId(kernelId);
        SentenceAttention attention = SentenceAttention.compute(kernel, sentence, dModel, heads, seed);

        PrintWriter terminal = spec.commandLine().getOut();
        boolean plain = ascii || (parent != null && !parent.unicodeTerminal());
        PrintWriter out = plain ? new PrintWriter(new AsciiFallback(terminal)) : terminal;
        printHeader(out, kernel);
        new SentenceWalkthrough(attention, out).print();
        WorkedExample.print(out, kernel);
        PermutationDemo.print(out, kernel, dModel, heads, seed);
        out.println();
        out.println("End of the tour. Try --sentence \"...\", --seed 7, --d-model 16 --heads 4, or another --kernel.");
        out.flush();
        return 0;
    }

    /** Bad option values are usage errors (exit code 2), reported before anything is computed. */
    private void checkOptions() {
        if (new WhitespaceTokenizer().tokenize(sentence).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--sentence': '" + sentence
                    + "' has no words. Give a sentence such as --sentence \"the cat sat on the mat\".");
        }
        if (dModel < 1 || heads < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value: --d-model and --heads must be at least 1,"
                    + " got --d-model " + dModel + " --heads " + heads + ".");
        }
        if (dModel > MAX_D_MODEL) {
            throw new ParameterException(spec.commandLine(), "Invalid value: --d-model " + dModel + " is too wide for"
                    + " the tour, which prints every number of [T, D] tables; use at most " + MAX_D_MODEL
                    + " (the library itself has no such limit).");
        }
        if (dModel % heads != 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value: --d-model " + dModel
                    + " is not a multiple of --heads " + heads + " (each head gets Dk = D / H columns).");
        }
    }

    private void printHeader(PrintWriter out, Kernel kernel) {
        out.println("Attention Lab tour: one sentence through self-attention, step by step");
        out.println();
        out.println("   sentence: \"" + sentence + "\"");
        out.println("   kernel:   " + kernel.id() + ", " + whyThisKernel() + "; it computes every matrix product");
        out.println("             and softmax below ('attentionlab kernels' lists the kernels you can choose)");
        out.println("   model:    D = " + dModel + " (d_model), H = " + heads + " heads of Dk = D / H = " + dModel / heads
                + " columns each, seed " + seed);
        out.println();
        out.println("   Which numbers are random, and which are given:");
        out.println("   - RANDOM (seeded with " + seed + "): the word embeddings and the weight matrices W_Q, W_K, W_V, W_O.");
        out.println("     This is an untrained model: the patterns below show HOW attention computes, not what the");
        out.println("     words mean. The same seed always gives the same numbers; another --seed gives others.");
        out.println("   - GIVEN: the worked example in step 7 uses the course material's own numbers.");
        out.println("   - Everything else is computed from these, by the kernel above.");
    }

    private String whyThisKernel() {
        if (kernelId != null) {
            return "chosen with --kernel";
        }
        String property = System.getProperty(Kernels.KERNEL_PROPERTY);
        return property == null || property.isBlank()
                ? "the default (highest priority)"
                : "chosen by -D" + Kernels.KERNEL_PROPERTY;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : TourCommand.class.getClassLoader();
    }
}
