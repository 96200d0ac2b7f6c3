package org.attentionlab.jupyter;

import java.util.Arrays;
import org.attentionlab.api.Tensor;

/**
 * A tensor as an HTML table, the way a notebook shows a data frame: a vector is one row, a matrix
 * {@code [R, C]} a table with numbered rows and columns, and a higher-rank tensor one table per
 * matrix {@code [..., R, C]}, each titled with its leading index. The shape is the caption.
 *
 * <p>Large tensors are cut like the printed form: at most {@link #MAX_MATRICES} matrices of at most
 * {@link #MAX_CELLS} rows and columns each, with the cut said in words.
 */
public final class TensorHtml {

    static final int MAX_MATRICES = 8;
    static final int MAX_CELLS = 20;

    private TensorHtml() {
    }

    /** The table(s) for {@code tensor}, four decimals per value. */
    public static String of(Tensor tensor) {
        int[] shape = tensor.shape();
        StringBuilder html = new StringBuilder("<div class=\"attentionlab-tensor\">");
        html.append("<p><code>Tensor ").append(Arrays.toString(shape)).append("</code></p>");
        if (tensor.rank() == 0) {
            return html.append("<p>").append(format(tensor.item())).append("</p></div>").toString();
        }
        Tensor matrices = tensor.rank() == 1 ? tensor.reshape(1, 1, shape[0]) : tensor.reshape(-1, shape[shape.length - 2], shape[shape.length - 1]);
        int count = matrices.dim(0);                       // number of [R, C] matrices
        int[] leading = Arrays.copyOf(shape, Math.max(shape.length - 2, 0));
        for (int m = 0; m < Math.min(count, MAX_MATRICES); m++) {
            if (leading.length > 0) {
                html.append("<p><code>[").append(indexOf(m, leading)).append(", :, :]</code></p>");
            }
            table(html, matrices, m);
        }
        if (count > MAX_MATRICES) {
            html.append("<p>… ").append(count - MAX_MATRICES).append(" more matrices not shown</p>");
        }
        return html.append("</div>").toString();
    }

    private static void table(StringBuilder html, Tensor matrices, int m) {
        int rows = matrices.dim(1);
        int columns = matrices.dim(2);
        html.append("<table><thead><tr><th></th>");
        for (int j = 0; j < Math.min(columns, MAX_CELLS); j++) {
            html.append("<th>").append(j).append("</th>");
        }
        if (columns > MAX_CELLS) {
            html.append("<th>… ").append(columns - MAX_CELLS).append(" more</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int i = 0; i < Math.min(rows, MAX_CELLS); i++) {
            html.append("<tr><th>").append(i).append("</th>");
            for (int j = 0; j < Math.min(columns, MAX_CELLS); j++) {
                html.append("<td>").append(format(matrices.get(m, i, j))).append("</td>");
            }
            html.append("</tr>");
        }
        if (rows > MAX_CELLS) {
            html.append("<tr><th>…</th><td colspan=\"").append(Math.min(columns, MAX_CELLS)).append("\">")
                    .append(rows - MAX_CELLS).append(" more rows</td></tr>");
        }
        html.append("</tbody></table>");
    }

    /** The leading index of matrix {@code m}, e.g. "0, 1" for {@code [B, H, ...]}. */
    private static String indexOf(int m, int[] leading) {
        int[] index = new int[leading.length];
        for (int d = leading.length - 1; d >= 0; d--) {
            index[d] = m % leading[d];
            m /= leading[d];
        }
        return Arrays.toString(index).replace("[", "").replace("]", "");
    }

    private static String format(float value) {
        return Float.isFinite(value) ? String.format(java.util.Locale.ROOT, "%.4f", value) : Float.toString(value);
    }
}
