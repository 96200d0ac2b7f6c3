package org.attentionlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.pictures.AttentionHeatmap;
import org.attentionlab.pictures.HeadGrid;
import org.attentionlab.pictures.MatrixHeatmap;
import org.attentionlab.pictures.Picture;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code attentionlab heatmap}: the attention weights of one sentence as a PNG picture, query
 * tokens as rows and key tokens as columns, for one head or for every head side by side. The
 * sentence goes through the same seeded embedding and multi-head layer as in the tour, so the
 * picture shows the weights the tour prints.
 */
@Command(name = "heatmap",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Draws the attention weights of a sentence as a heatmap PNG.",
            "",
            "Rows are the query tokens, columns the key tokens; each cell is how much the row's word looks at the"
                    + " column's word, on a colour scale fixed to [0, 1]. The model is the tour's: seeded random"
                    + " embeddings and weights (untrained)."
        })
public final class HeatmapCommand implements Callable<Integer> {

    /** The global options, {@code --kernel-path} among them. */
    @ParentCommand
    private AttentionLabCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--sentence", paramLabel = "<text>", defaultValue = TourCommand.DEFAULT_SENTENCE,
            description = "The sentence (lower-cased, split at white space). Default: \"${DEFAULT-VALUE}\".")
    private String sentence;

    /** Either one head or all of them; neither means head 0. */
    static final class Heads {
        @Option(names = "--head", paramLabel = "<N>", description = "Draw head N (from 0). Default: 0.")
        Integer head;

        @Option(names = "--all-heads", description = "Draw every head, side by side, head 0 first.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Heads heads = new Heads();

    @Option(names = "--kernel", paramLabel = "<id>",
            description = "The kernel that computes the weights ('attentionlab kernels' lists them)."
                    + " Default: the one with the highest priority, or the one named by -D" + Kernels.KERNEL_PROPERTY + ".")
    private String kernelId;

    @Option(names = "--seed", paramLabel = "<long>", defaultValue = "42",
            description = "Seed of the random embeddings and weight matrices. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--d-model", paramLabel = "<D>", defaultValue = "8",
            description = "Model width D. Default: ${DEFAULT-VALUE}.")
    private int dModel;

    @Option(names = "--heads", paramLabel = "<H>", defaultValue = "2",
            description = "Number of heads H; D must be a multiple of H. Default: ${DEFAULT-VALUE}.")
    private int headCount;

    @Option(names = "--out", paramLabel = "<file.png>", required = true,
            description = "The PNG file to write (missing directories are created).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (heads.head != null && (heads.head < 0 || heads.head >= headCount)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--head': " + heads.head
                    + " is not a head of this layer; choose 0 to " + (headCount - 1) + " (or --all-heads).");
        }
        Kernels kernels = AttentionLabCommand.discoverKernels(parent, spec.commandLine().getErr()::println);
        Kernel kernel = kernelId == null ? kernels.defaultKernel() : kernels.byId(kernelId);
        SentenceAttention attention = SentenceAttention.compute(kernel, sentence, dModel, headCount, seed);

        Picture picture = heads.all ? allHeads(attention) : oneHead(attention, heads.head == null ? 0 : heads.head);
        picture.writePng(out);
        spec.commandLine().getOut().println("wrote " + out + " (" + picture.width() + " × " + picture.height()
                + " pixels): " + (heads.all ? "all " + headCount + " heads" : "head " + (heads.head == null ? 0 : heads.head))
                + " of \"" + sentence + "\", kernel " + kernel.id() + ", seed " + seed);
        return 0;
    }

    /** Titled with the head and what its weights are: random (seeded), not learned nor designed. */
    static MatrixHeatmap headPicture(SentenceAttention attention, int head, long seed) {
        return AttentionHeatmap.of(attention.layerWeights(head), attention.tokens())
                .withTitle("head " + head + ", random weights (seed " + seed + ")");
    }

    private MatrixHeatmap oneHead(SentenceAttention attention, int head) {
        return headPicture(attention, head, seed);
    }

    private HeadGrid allHeads(SentenceAttention attention) {
        List<MatrixHeatmap> pictures = new ArrayList<>();
        for (int h = 0; h < headCount; h++) {
            pictures.add(oneHead(attention, h));
        }
        return new HeadGrid(pictures, Math.min(headCount, 4));
    }
}
