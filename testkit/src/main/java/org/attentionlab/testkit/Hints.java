package org.attentionlab.testkit;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * Diagnoses of common mistakes, given only where the evidence is clear: each returns a hint, or
 * {@code null} when the failure does not look like that mistake. Laws attach them to their
 * failures with {@link LawFailure#withHint}.
 */
final class Hints {

    /** {@code exp(x)} overflows float32 above this. */
    private static final double EXP_OVERFLOWS_ABOVE = 88.7;

    private Hints() {
    }

    /**
     * NaN or ∞ in weights whose expected values are finite, for scaled scores beyond 88: the
     * softmax computed {@code exp} of the raw scores.
     */
    static String softmaxOverflow(Tensor scores, float scale, Tensor actual, Tensor expected) {
        if (largestMagnitude(scores) * scale <= EXP_OVERFLOWS_ABOVE || !nonFiniteWhereFinite(actual, expected)) {
            return null;
        }
        return "the weights hold NaN or ∞ although the expected ones are finite, and the scores reach "
                + (float) (largestMagnitude(scores) * scale) + " in size: exp overflows (or underflows) float beyond ±88. Was the row's largest"
                + " allowed score subtracted before exp? softmax(x) = softmax(x − max x), and exp(x − max x) ≤ 1.";
    }

    /** Weights that are the softmax with scale 1 instead of {@code scale}: the scale argument was ignored. */
    static String ignoredScale(Tensor scores, float scale, Mask mask, Tensor actual) {
        if (scale == 1f || !Agreement.weightsAgree(actual, Oracle.NAIVE.softmax(scores, 1f, mask))) {
            return null;
        }
        return "the weights are softmax(scores) with scale 1, not softmax(" + scale + " · scores): was the scale"
                + " argument ignored?";
    }

    /**
     * Attention weights that match another common scale than the inputs': 1/d_k, 1, √d_k or
     * 1/√d_k, each computed by the naive kernel and compared under the softmax rule.
     */
    static String otherScale(AttentionInputs inputs, Tensor actualWeights) {
        int dk = inputs.keyWidth();
        Map<Float, String> candidates = new LinkedHashMap<>(); // the first name of each value
        candidates.putIfAbsent(1f, "1 (no scale)");
        candidates.putIfAbsent(AttentionInputs.defaultScale(dk), "1/√d_k");
        candidates.putIfAbsent(1f / dk, "1/d_k");
        candidates.putIfAbsent((float) Math.sqrt(dk), "√d_k");
        Tensor scores = Oracle.NAIVE.matmul(inputs.query(), inputs.key(), RightOperand.TRANSPOSED); // [..., Tq, Tk]
        for (Map.Entry<Float, String> candidate : candidates.entrySet()) {
            float s = candidate.getKey();
            if (s != inputs.scale()
                    && Agreement.weightsAgree(actualWeights, Oracle.NAIVE.softmax(scores, s, inputs.mask()))) {
                return "the weights match softmax(s · Q·Kᵀ) with s = " + candidate.getValue() + " = " + s
                        + " (d_k = " + dk + "), not the expected s = " + inputs.scale()
                        + (inputs.scale() == AttentionInputs.defaultScale(dk)
                                ? ". Scaled dot-product attention scales by 1/√d_k (Vaswani et al. 2017, section 3.2.1)."
                                : ". Was the scale of the inputs (AttentionInputs.scale()) ignored or replaced?");
            }
        }
        return null;
    }

    private static double largestMagnitude(Tensor t) {
        FloatBuffer values = t.values();
        return IntStream.range(0, values.limit()).mapToDouble(values::get).filter(Double::isFinite).map(Math::abs)
                .max().orElse(0);
    }

    private static boolean nonFiniteWhereFinite(Tensor actual, Tensor expected) {
        FloatBuffer got = actual.values();
        FloatBuffer want = expected.values();
        return IntStream.range(0, Math.min(got.limit(), want.limit()))
                .anyMatch(i -> !Float.isFinite(got.get(i)) && Float.isFinite(want.get(i)));
    }
}
