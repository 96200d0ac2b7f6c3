package org.attentionlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.ScaledDotProductAttention;

/**
 * Step 7 of the tour: the course material's numerical illustration ("I love NLP", the query of
 * "love"), recomputed by the framework. Its numbers are given, not random: q = 2, keys [1, 2, 3],
 * values [2, 4, 6], d_k = 1.
 *
 * <p>The course rounds softmax([2, 4, 6]) to [0.1, 0.3, 0.6] and gets 5.0; the true weights are
 * about [0.016, 0.117, 0.867] and the output about 5.70. The tour prints both, the true ones as
 * computed here.
 */
final class WorkedExample {

    static final float QUERY = 2;
    static final float[] KEYS = {1, 2, 3};
    static final float[] VALUES = {2, 4, 6};
    /** The weights the course material uses (its own rounding). */
    static final double[] COURSE_WEIGHTS = {0.1, 0.3, 0.6};

    /**
     * What the framework computes.
     *
     * @param scores  q·Kᵀ/√d_k, {@code [Tk=3]}
     * @param weights softmax of the scores, {@code [Tk=3]}
     * @param output  Σ_j weights[j]·values[j], the attention output for the query
     */
    record Result(float[] scores, float[] weights, float output) {
    }

    private WorkedExample() {
    }

    /** Runs the example through {@link ScaledDotProductAttention} on {@code kernel}. */
    static Result compute(Kernel kernel) {
        Tensor q = Tensor.of(new float[][] {{QUERY}});   // [Tq=1, Dk=1]
        Tensor k = Tensor.of(KEYS).reshape(KEYS.length, 1);     // [Tk=3, Dk=1]
        Tensor v = Tensor.of(VALUES).reshape(VALUES.length, 1); // [Tk=3, Dv=1]
        ScaledDotProductAttention attention = new ScaledDotProductAttention(kernel);
        Tensor scores = attention.scores(q, k);                // [1, 3], shown before the softmax
        AttentionResult result = attention.forward(q, k, v);   // weights [1, 3], output [1, 1]
        return new Result(scores.toArray(), result.weights().toArray(), result.output().item());
    }

    /** Prints the example and what the course material got differently. */
    static void print(TourPage out, Kernel kernel) {
        Result result = compute(kernel);
        out.title(7, "The worked example from the course material");
        say(out, "These numbers are GIVEN by the course, not random: in \"I love NLP\", the query of \"love\" is"
                + " q = " + number(QUERY) + ", the keys of \"I\", \"love\", \"NLP\" are K = " + list(KEYS, 0)
                + ", their values V = " + list(VALUES, 0) + ", and d_k = 1.");
        say(out, "Computed by ScaledDotProductAttention on kernel " + kernel.id() + ":");
        say(out, "  scores   q·Kᵀ / √1   = " + list(result.scores(), 4));
        say(out, "  weights  softmax     = " + list(result.weights(), 4));
        say(out, String.format(Locale.ROOT, "  output   Σ weight·v  = %.4f", result.output()));
        out.blank();
        double courseOutput = 0;
        List<String> courseTerms = new ArrayList<>();
        for (int j = 0; j < VALUES.length; j++) {
            courseOutput += COURSE_WEIGHTS[j] * VALUES[j];
            courseTerms.add(COURSE_WEIGHTS[j] + "·" + number(VALUES[j]));
        }
        say(out, "The course material rounds the weights to " + list(COURSE_WEIGHTS) + " and gets "
                + String.join(" + ", courseTerms) + String.format(Locale.ROOT, " = %.1f.", courseOutput));
        say(out, "But those are not the softmax of the scores: the true weights are ≈ " + list(result.weights(), 3)
                + String.format(Locale.ROOT, ", and the output is ≈ %.2f, not %.1f.", result.output(), courseOutput));
        float[] w = result.weights();
        say(out, String.format(Locale.ROOT, "Softmax is exponential: a score 2 higher gets e² ≈ %.2f times the weight"
                + " (%.4f / %.4f = %.2f), so the largest score takes most of the attention.",
                Math.exp(2), w[2], w[1], w[2] / w[1]));
        say(out, "(The course leaves out the division by √d_k; with d_k = 1 that changes nothing.)");
    }

    private static String number(float value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String list(float[] values, int decimals) {
        List<String> parts = new ArrayList<>();
        for (float v : values) {
            parts.add(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String list(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.valueOf(v));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static void say(TourPage out, String text) {
        out.say(text);
    }
}
