package org.attentionlab.jupyter;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionSteps;
import org.attentionlab.attention.QueryRowSteps;

/**
 * The steps of scaled dot-product attention as HTML tables, one labelled row per step, as a reader
 * follows them: for a {@link QueryRowSteps}, one column per key ({@code Tk}) and the output below
 * ({@code Dv}); for an {@link AttentionSteps}, every step with its shape, then the steps of its first
 * query row (index 0 on every leading axis).
 */
public final class StepsHtml {

    private StepsHtml() {
    }

    /** One query's row: raw scores, scaled, masked, minus the maximum, exponentials, weights; then the output. */
    public static String of(QueryRowSteps row) {
        int tk = row.raw().length;
        StringBuilder html = new StringBuilder("<div class=\"attentionlab-steps\">");
        html.append("<p><code>query ").append(row.query()).append("</code>: ").append(tk).append(" keys, sum of the exponentials ")
                .append(number(row.sum())).append("</p>");
        html.append("<table><thead><tr><th>step</th>");
        for (int j = 0; j < tk; j++) {
            html.append("<th>key ").append(j).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        line(html, "raw scores q·k", tk, j -> row.raw()[j]);
        line(html, "scaled", tk, j -> row.scaled()[j]);
        line(html, "masked", tk, j -> row.masked()[j]);
        line(html, "minus the maximum", tk, j -> row.shifted()[j]);
        line(html, "exponentials", tk, j -> row.exponentials()[j]);
        line(html, "weights", tk, j -> row.weights()[j]);
        html.append("</tbody></table>");
        html.append("<table><tbody>");
        line(html, "output Σ w·v", row.output().length, j -> row.output()[j]);
        return html.append("</tbody></table></div>").toString();
    }

    /** Every step with its shape, then the first query row step by step. */
    public static String of(AttentionSteps steps) {
        StringBuilder html = new StringBuilder("<div class=\"attentionlab-steps\">");
        html.append("<table><thead><tr><th>step</th><th>shape</th></tr></thead><tbody>");
        shape(html, "query Q", steps.query());
        shape(html, "key K", steps.key());
        shape(html, "value V", steps.value());
        shape(html, "scores Q·Kᵀ", steps.scores());
        html.append("<tr><th>scaled × ").append(number(steps.scale())).append("</th><td><code>")
                .append(Arrays.toString(steps.scores().shape())).append("</code></td></tr>");
        shape(html, "weights softmax", steps.weights());
        shape(html, "output weights·V", steps.output());
        html.append("</tbody></table>");
        int[] first = new int[steps.query().rank() - 1];                  // 0 on every leading axis, query 0
        return html.append(of(steps.queryRow(first))).append("</div>").toString();
    }

    private static void shape(StringBuilder html, String label, Tensor tensor) {
        html.append("<tr><th>").append(label).append("</th><td><code>").append(Arrays.toString(tensor.shape()))
                .append("</code></td></tr>");
    }

    private static void line(StringBuilder html, String label, int n, IntToDoubleFunction value) {
        html.append("<tr><th>").append(label).append("</th>");
        for (int j = 0; j < n; j++) {
            html.append("<td>").append(number(value.applyAsDouble(j))).append("</td>");
        }
        html.append("</tr>");
    }

    /** Four decimals; −∞ for a masked entry. */
    static String number(double value) {
        if (Double.isInfinite(value)) {
            return value < 0 ? "−∞" : "∞";
        }
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.4f", value);
    }
}
