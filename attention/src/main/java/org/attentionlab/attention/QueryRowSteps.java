package org.attentionlab.attention;

import java.util.Arrays;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * One query's row of scaled dot-product attention, step by step, for showing: the raw scores
 * {@code q·k_j}, scaled, masked, minus the row maximum, their exponentials, the normalised weights
 * and the weighted sum of the values. Each array has one entry per key ({@code Tk}) except
 * {@link #output()} ({@code Dv}).
 *
 * <p>{@link #weights()} and {@link #output()} are the kernel's own results (copied from
 * {@link AttentionSteps}); the steps between are recomputed here in double precision from the raw
 * scores, so that a reader can follow the arithmetic. Masked entries are −∞ in {@link #masked()}
 * and {@link #shifted()}, and 0 in {@link #exponentials()}.
 *
 * @param query        the query's index along {@code Tq}
 * @param raw          {@code q·k_j}
 * @param scaled       {@code scale · q·k_j}
 * @param allowed      whether the mask lets the query see key {@code j}
 * @param masked       the scaled score, or −∞ where masked
 * @param maximum      the largest allowed scaled score (−∞ if none)
 * @param shifted      {@code masked − maximum}: at most 0, so {@code exp} cannot overflow
 * @param exponentials {@code exp(shifted)}
 * @param sum          the sum of the exponentials
 * @param weights      the kernel's weights: exponentials / sum (all 0 if nothing is allowed)
 * @param output       the kernel's output for this query: {@code Σ_j weights_j · v_j}
 */
public record QueryRowSteps(int query, float[] raw, float[] scaled, boolean[] allowed, float[] masked, double maximum,
                            double[] shifted, double[] exponentials, double sum, float[] weights, float[] output) {

    static QueryRowSteps of(AttentionSteps steps, int[] index) {
        int[] leading = Arrays.copyOf(index, index.length - 1);
        int query = index[index.length - 1];
        float[] raw = row(steps.scores(), index);
        float[] weights = row(steps.weights(), index);
        float[] output = row(steps.output(), index);
        int maskBatch = Mask.batchesOf(steps.query().shape()) == 1 ? 0 : leading[0];
        int tk = raw.length;
        float[] scaled = new float[tk];
        boolean[] allowed = new boolean[tk];
        float[] masked = new float[tk];
        double maximum = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < tk; j++) {
            scaled[j] = raw[j] * steps.scale();
            allowed[j] = steps.mask().allows(maskBatch, query, j);
            masked[j] = allowed[j] ? scaled[j] : Float.NEGATIVE_INFINITY;
            maximum = Math.max(maximum, masked[j]);
        }
        double[] shifted = new double[tk];
        double[] exponentials = new double[tk];
        double sum = 0;
        for (int j = 0; j < tk; j++) {
            shifted[j] = allowed[j] ? masked[j] - maximum : Double.NEGATIVE_INFINITY;
            exponentials[j] = allowed[j] && maximum != Double.NEGATIVE_INFINITY ? Math.exp(shifted[j]) : 0;
            sum += exponentials[j];
        }
        return new QueryRowSteps(query, raw, scaled, allowed, masked, maximum, shifted, exponentials, sum, weights, output);
    }

    /** One labelled line per step, as a reader follows them. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("query " + query + ":\n");
        line(text, "raw scores q·k", j -> raw[j]);
        line(text, "scaled", j -> scaled[j]);
        line(text, "masked", j -> masked[j]);
        line(text, "minus the maximum", j -> shifted[j]);
        line(text, "exponentials", j -> exponentials[j]);
        line(text, "weights", j -> weights[j]);
        text.append(String.format(java.util.Locale.ROOT, "  %-18s", "output"));
        for (float o : output) {
            text.append(String.format(java.util.Locale.ROOT, " %9.4f", o));
        }
        return text.append('\n').toString();
    }

    private void line(StringBuilder text, String label, java.util.function.IntToDoubleFunction value) {
        text.append(String.format(java.util.Locale.ROOT, "  %-18s", label));
        for (int j = 0; j < raw.length; j++) {
            double v = value.applyAsDouble(j);
            text.append(Double.isInfinite(v) ? String.format("%10s", v < 0 ? "-inf" : "inf")
                    : String.format(java.util.Locale.ROOT, " %9.4f", v));
        }
        text.append('\n');
    }

    /** The last-axis row of {@code t} at {@code index} (all but the last coordinate). */
    private static float[] row(Tensor t, int[] index) {
        Tensor row = t;
        for (int i : index) {
            row = row.select(0, i);
        }
        return row.toArray();
    }
}
