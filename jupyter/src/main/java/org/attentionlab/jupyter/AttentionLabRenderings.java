package org.attentionlab.jupyter;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Tensor;
import org.attentionlab.pictures.AttentionHeatmap;
import org.attentionlab.pictures.HeadGrid;
import org.attentionlab.pictures.HeadWeights;
import org.attentionlab.pictures.MatrixHeatmap;
import org.attentionlab.pictures.Picture;

/**
 * What Attention Lab shows in a notebook, for every kernel: a {@link Tensor} as an HTML table, the
 * weights of an {@link AttentionResult} as a heatmap (every head side by side), and any
 * {@link Picture} (heatmaps, grids, charts) as a PNG.
 */
public final class AttentionLabRenderings {

    public static final String HTML = "text/html";
    public static final String PNG = "image/png";

    private AttentionLabRenderings() {
    }

    /** Every rendering, each for its own type. */
    public static List<Rendering<?>> all() {
        return List.of(
                new Rendering<>(Tensor.class, List.of(HTML), tensor -> Map.of(HTML, TensorHtml.of(tensor))),
                new Rendering<>(AttentionResult.class, List.of(PNG), result -> Map.of(PNG, base64(weightsPicture(result)))),
                new Rendering<>(Picture.class, List.of(PNG), picture -> Map.of(PNG, base64(picture))));
    }

    /**
     * The weights of a result as a picture: one heatmap for {@code [Tq, Tk]}, a grid of heads for
     * {@code [H, Tq, Tk]} and {@code [B, H, Tq, Tk]} (batch 0). Rows and columns are numbered, as the
     * result does not know its tokens; {@code AttentionHeatmap.of(weights, tokens)} labels them.
     */
    static Picture weightsPicture(AttentionResult result) {
        Tensor weights = result.weights();
        List<String> queries = numbers(weights.dim(-2));
        List<String> keys = numbers(weights.dim(-1));
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
