package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.testkit.GradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Your backward against central finite differences of the softmax written in double (the kit's
 * {@link GradientCheck}), on shapes with one row and several, masks with fully masked rows, other
 * scales and large scores.
 */
class MySoftmaxBackwardTests {

    private final Kernel kernel = new NaiveKernel();

    @ParameterizedTest(name = "[{0}, {1}] scores, scale {2}, magnitude {3}, mask {4}")
    @CsvSource({
        "1, 1, 1.0, 1, none",
        "1, 5, 1.0, 1, none",
        "3, 7, 0.5, 1, none",
        "4, 4, 0.25, 1, causal",
        "3, 6, 1.0, 1, padding",
        "2, 5, 1.0, 30, none",
        "5, 5, 2.0, 10, causal"
    })
    void backwardAgreesWithFiniteDifferences(int tq, int tk, float scale, float magnitude, String maskKind) {
        Mask mask = switch (maskKind) {
            case "causal" -> Mask.causal();
            case "padding" -> Mask.of(rowsOf(tq, tk, 2));   // every row sees its first 2 keys; row 0 sees none
            default -> Mask.none();
        };
        Tensor scores = Tensor.randomNormal(tq * 31L + tk, tq, tk).times(magnitude);   // [Tq, Tk]
        Tensor dWeights = Tensor.randomNormal(tk * 17L + tq, tq, tk);                    // dL/dW: [Tq, Tk]
        Tensor weights = MySoftmaxBackward.forward(kernel, scores, scale, mask);

        Tensor dScores = MySoftmaxBackward.backward(kernel, weights, dWeights, scale, mask);

        GradientCheck.compare(scores, dWeights, dScores, s -> softmaxInDouble(s, tq, tk, scale, mask))
                .assertAgrees("softmax backward on [" + tq + ", " + tk + "], " + mask);
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tk; j++) {
                if (!mask.allows(0, i, j)) {
                    assertTrue(dScores.get(i, j) == 0f, "a masked score gets gradient exactly 0 (±0), got " + dScores.get(i, j));
                }
            }
        }
    }

    /** The key padding pattern, except that row 0 is fully masked. */
    private static boolean[][] rowsOf(int tq, int tk, int length) {
        boolean[][] allowed = new boolean[tq][tk];
        for (int i = 1; i < tq; i++) {
            for (int j = 0; j < Math.min(length, tk); j++) {
                allowed[i][j] = true;
            }
        }
        return allowed;
    }

    /** The forward in double precision, row by row: what the finite differences are taken of. */
    private static double[] softmaxInDouble(double[] s, int tq, int tk, float scale, Mask mask) {
        double[] w = new double[s.length];
        for (int i = 0; i < tq; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < tk; j++) {
                if (mask.allows(0, i, j)) {
                    max = Math.max(max, scale * s[i * tk + j]);
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                continue; // fully masked row: all zeros
            }
            double sum = 0;
            for (int j = 0; j < tk; j++) {
                if (mask.allows(0, i, j)) {
                    w[i * tk + j] = Math.exp(scale * s[i * tk + j] - max);
                    sum += w[i * tk + j];
                }
            }
            for (int j = 0; j < tk; j++) {
                w[i * tk + j] /= sum;
            }
        }
        return w;
    }
}
