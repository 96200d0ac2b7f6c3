package org.attentionlab.pictures;

import java.util.List;
import org.attentionlab.api.Tensor;

/**
 * The picture of attention weights: one row per query token, one column per key token, the cell
 * at (i, j) coloured by how much query i looks at key j, on the fixed scale [0, 1] so that the same
 * colour means the same weight in every picture.
 */
public final class AttentionHeatmap {

    /** The vertical axis: each row is one query. */
    public static final String QUERY_AXIS = "query token (row)";

    /** The horizontal axis: each column is one key. */
    public static final String KEY_AXIS = "key token (column)";

    private AttentionHeatmap() {
    }

    /** Self-attention: the same tokens are the queries and the keys; {@code weights [T, T]}. */
    public static MatrixHeatmap of(Tensor weights, List<String> tokens) {
        return of(weights, tokens, tokens);
    }

    /**
     * Weights {@code [Tq, Tk]} with the query tokens as rows and the key tokens as columns.
     *
     * @throws IllegalArgumentException if the weights are not a matrix or the labels do not match its shape
     */
    public static MatrixHeatmap of(Tensor weights, List<String> queryTokens, List<String> keyTokens) {
        return MatrixHeatmap.of(weights)
                .withRows(QUERY_AXIS, queryTokens)
                .withColumns(KEY_AXIS, keyTokens)
                .withRange(ColourRange.UNIT)
                .withTitle("attention weights");
    }

    /** Head {@code head} of the weights a multi-head layer returned ({@code [B, H, Tq, Tk]}, batch 0). */
    public static MatrixHeatmap ofHead(Tensor weights, int head, List<String> queryTokens, List<String> keyTokens) {
        return of(HeadWeights.of(weights, 0, head), queryTokens, keyTokens).withTitle("head " + head);
    }
}
