package org.attentionlab.jupyter;

import java.util.Base64;
import java.util.List;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionSteps;
import org.attentionlab.attention.AttentionTrace;
import org.attentionlab.attention.QueryRowSteps;
import org.attentionlab.pictures.AttentionHeatmap;
import org.attentionlab.pictures.HeadGrid;
import org.attentionlab.pictures.HeadWeights;
import org.attentionlab.pictures.MatrixHeatmap;
import org.attentionlab.pictures.Picture;
import org.attentionlab.text.SentenceTrace;

/**
 * What Attention Lab shows in a notebook, for every kernel: a {@link Tensor} as an HTML table, the
 * weights of an {@link AttentionResult} as a heatmap (every head side by side), a layer's
 * {@link AttentionTrace} or a {@link SentenceTrace} as a grid of its heads' heatmaps (labelled with
 * the tokens where the trace knows them), the {@link AttentionSteps} and {@link QueryRowSteps} of
 * scaled dot-product attention as HTML tables of labelled rows, and any {@link Picture} (heatmaps,
 * grids, charts) as a PNG. The traces and steps bring a short {@code text/plain} of their own.
 */
public final class AttentionLabRenderings {

    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String TEXT = "text/plain";

    private AttentionLabRenderings() {
    }

    /** Every rendering, each for its own type. */
    public static List<Rendering<?>> all() {
        return List.of(
                Rendering.of(Tensor.class, HTML, TensorHtml::of),
                Rendering.of(AttentionResult.class, PNG, result -> base64(weightsPicture(result))),
                Rendering.of(AttentionTrace.class, PNG, trace -> base64(weightsPicture(trace)), TEXT, TraceText::of),
                Rendering.of(SentenceTrace.class, PNG, sentence -> base64(weightsPicture(sentence)), TEXT, TraceText::of),
                Rendering.of(AttentionSteps.class, HTML, StepsHtml::of, TEXT, TraceText::of),
                Rendering.of(QueryRowSteps.class, HTML, StepsHtml::of, TEXT, QueryRowSteps::toString),
                Rendering.of(Picture.class, PNG, AttentionLabRenderings::base64));
    }

    /**
     * The weights of a result as a picture: one heatmap for {@code [Tq, Tk]}, a grid of heads for
     * {@code [H, Tq, Tk]} and {@code [B, H, Tq, Tk]} (batch 0). Rows and columns are numbered, as the
     * result does not know its tokens; {@code AttentionHeatmap.of(weights, tokens)} labels them.
     */
    static Picture weightsPicture(AttentionResult result) {
        Tensor weights = result.weights();
        return weightsPicture(weights, numbers(weights.dim(-2)), numbers(weights.dim(-1)));
    }

    /** Every head of the trace's first sequence, rows and columns numbered (a trace has no tokens). */
    static Picture weightsPicture(AttentionTrace trace) {
        Tensor weights = trace.heads().weights();                          // [B, H, Tq, Tk]
        return weightsPicture(weights, numbers(weights.dim(-2)), numbers(weights.dim(-1)));
    }

    /** Every head of the sentence's self-attention, both axes labelled with its tokens. */
    static Picture weightsPicture(SentenceTrace sentence) {
        return weightsPicture(sentence.attention().heads().weights(), sentence.tokens(), sentence.tokens()); // [1, H, T, T]
    }

    private static Picture weightsPicture(Tensor weights, List<String> queries, List<String> keys) {
        if (weights.rank() == 2) {
            return AttentionHeatmap.of(weights, queries, keys);
        }
        if (HeadWeights.heads(weights) == 1) {
            MatrixHeatmap one = AttentionHeatmap.ofHead(weights, 0, queries, keys);
            return one;
        }
        return HeadGrid.of(weights, queries, keys);
    }

    private static List<String> numbers(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }

    /** The PNG bytes of a picture in base64, as Jupyter's {@code image/png} data is sent. */
    static String base64(Picture picture) {
        return Base64.getEncoder().encodeToString(picture.png());
    }
}
