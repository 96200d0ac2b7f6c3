package org.attentionlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.KernelChoice;
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

    /**
     * Longest sentence the tour prints: it shows every one of the T·T scores and weights, so
     * two dozen words already fold each [Tq, Tk] table into three parts at 80 columns.
     */
    static final int MAX_WORDS = 24;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private AttentionLabCommand parent;

    @Option(names = "--sentence", paramLabel = "<text>", defaultValue = DEFAULT_SENTENCE,
            description = "The sentence (lower-cased, split at white space), at most " + MAX_WORDS + " words."
                    + " Default: \"${DEFAULT-VALUE}\".")
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
        int width = parent != null ? parent.width() : TourPage.PROSE_WIDTH;
        Kernels kernels = AttentionLabCommand.discoverKernels(parent, spec.commandLine().getErr()::println);
        KernelChoice choice = kernelId == null
                ? kernels.defaultChoice()
                : new KernelChoice(chosen(kernels), "chosen with --kernel");
        Kernel kernel = choice.kernel();
        SentenceAttention attention = SentenceAttention.compute(kernel, sentence, dModel, heads, seed);

        PrintWriter terminal = spec.commandLine().getOut();
        boolean plain = ascii || (parent != null && !parent.unicodeTerminal());
        PrintWriter writer = plain ? new PrintWriter(new AsciiFallback(terminal)) : terminal;
        TourPage out = new TourPage(writer, width);
        printHeader(out, choice);
        new SentenceWalkthrough(attention, out).print();
        WorkedExample.print(out, kernel);
        PermutationDemo.print(out, kernel, dModel, heads, seed);
        out.blank();
        out.headline("End of the tour. Try --sentence \"...\", --seed 7, --d-model 16 --heads 4, or another --kernel.");
        writer.flush();
        return 0;
    }

    /** Bad option values are usage errors (exit code 2), reported before anything is computed. */
    private void checkOptions() {
        int words = new WhitespaceTokenizer().tokenize(sentence).size();
        if (words == 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--sentence': '"
                    + TerminalText.visible(sentence) + "' has no words. Give a sentence such as"
                    + " --sentence \"the cat sat on the mat\".");
        }
        if (words > MAX_WORDS) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--sentence': it has " + words
                    + " words, and the tour prints all T·T = " + (long) words * words + " scores and weights of a"
                    + " sentence; use at most " + MAX_WORDS + " words (the library itself has no such limit).");
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

    private void printHeader(TourPage out, KernelChoice choice) {
        Kernel kernel = choice.kernel();
        out.headline("Attention Lab tour: one sentence through self-attention, step by step");
        out.blank();
        int field = "sentence: ".length(); // the values line up after their names
        out.say("sentence: \"" + TerminalText.visible(sentence) + "\"", field);
        out.say("kernel:   " + kernel.id() + ", " + (kernelId == null ? "the default (" + choice.reason() + ")" : choice.reason())
                + "; it computes every matrix product"
                + " and softmax below ('attentionlab kernels' lists the kernels you can choose)", field);
        out.say("model:    D = " + dModel + " (d_model), H = " + heads + " heads of Dk = D / H = " + dModel / heads
                + " columns, seed " + seed, field);
        out.blank();
        out.say("Which numbers are random, and which are given:");
        out.say("- RANDOM (seeded with " + seed + "): the word embeddings and the weight matrices W_Q, W_K, W_V, W_O."
                + " This is an untrained model: the patterns below show HOW attention computes, not what the"
                + " words mean. The same seed always gives the same numbers; another --seed gives others.", 2);
        out.say("- GIVEN: the worked example in step 7 uses the course material's own numbers.", 2);
        out.say("- Everything else is computed from these, by the kernel above.", 2);
    }

    /**
     * The kernel {@code --kernel} names, surrounding spaces stripped as {@link Kernels#defaultKernel()}
     * strips the system property's. An id that is not there is a bad option value (exit code 2).
     */
    private Kernel chosen(Kernels kernels) {
        try {
            return kernels.byId(kernelId.strip());
        } catch (IllegalArgumentException unknown) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--kernel': " + unknown.getMessage(), unknown, spec.findOption("--kernel"), kernelId);
        }
    }
}
