package org.attentionlab.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionSteps;
import org.attentionlab.testkit.ForAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The gradient laws can fail: backwards with a classic mistake are put through the same laws
 * ({@link GradientProperties#softmaxLaw}, {@link GradientProperties#attentionLaw}) on the same
 * generated cases, and each is caught wherever its mistake changes the gradient.
 */
class BrokenBackwardTests {

    /** The softmax backward without the row-sum term: {@code dS = s · W ⊙ dW}. */
    static Tensor softmaxWithoutRowSum(Kernel kernel, Tensor weights, Tensor dWeights, float scale, Mask mask) {
        return Elementwise.times(weights, Softmax.allowedOnly(dWeights, mask)).times(scale);
    }

    /** The attention backward that forgets the scale 1/√d_k inside the softmax's derivative. */
    static ScaledDotProduct.Gradients attentionWithoutScale(Kernel kernel, AttentionSteps steps, Tensor dOutput) {
        Matmul.Gradients weighted = Matmul.backward(kernel, steps.weights(), steps.value(), RightOperand.AS_IS, dOutput);
        Tensor dScores = Softmax.backward(kernel, steps.weights(), weighted.left(), 1f, steps.mask()); // should be steps.scale()
        Matmul.Gradients scores = Matmul.backward(kernel, steps.query(), steps.key(), RightOperand.TRANSPOSED, dScores);
        return new ScaledDotProduct.Gradients(scores.left(), scores.right(), weighted.right());
    }

    @Test
    void softmaxBackwardWithoutTheRowSumFailsTheSoftmaxLaw() {
        List<GradientCase> cases = GradientProperties.cases(ForAll.seed());
        int mattered = 0;
        for (GradientCase c : cases) {
            // Without the row sum the gradient is wrong in every row that allows a key (even a single
            // allowed key, whose weight is always 1 and whose true gradient is therefore 0); it is right
            // only where every row is fully masked (both give 0), so only those cases may pass.
            if (!someRowAllows(c, 1)) {
                ForAll.check(c, x -> GradientProperties.softmaxLaw(x, BrokenBackwardTests::softmaxWithoutRowSum));
                continue;
            }
            mattered++;
            AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> ForAll.check(c,
                    x -> GradientProperties.softmaxLaw(x, BrokenBackwardTests::softmaxWithoutRowSum)), c::toString);
            assertTrue(failure.getMessage().contains("gradient disagrees with finite differences"), failure.getMessage());
        }
        assertTrue(mattered >= cases.size() / 2, "most cases have a row that allows a key: " + mattered);
    }

    @Test
    void attentionBackwardWithoutTheScaleFailsTheAttentionLaw() {
        // The scale matters where it is not 1 (Dk > 1) and the weights can move: a row with two allowed
        // keys whose softmax is not saturated (inputs 30 times the usual size saturate it, and there the
        // gradient of the scores is about 0 with or without the scale).
        List<GradientCase> cases = GradientProperties.cases(ForAll.seed())
                .stream().filter(c -> c.k() > 1 && c.magnitude() < 30 && someRowAllows(c, 2)).toList();
        long caught = cases.stream().filter(c -> {
            try {
                ForAll.check(c, x -> GradientProperties.attentionLaw(x, BrokenBackwardTests::attentionWithoutScale));
                return false;
            } catch (AssertionFailedError e) {
                return true;
            }
        }).count();
        assertTrue(cases.size() >= 5, "enough cases where the scale matters: " + cases.size());
        assertEquals(cases.size(), caught, "every case where the scale matters is caught");
    }

    /** Whether the case's scores {@code [..., m, n]} have a row with {@code count} or more allowed keys. */
    private static boolean someRowAllows(GradientCase c, int count) {
        Tensor scores = Tensor.zeros(c.shape(c.m(), c.n()));
        Mask mask = c.mask(Mask.batchesOf(scores.shape()), c.m(), c.n());
        SoftmaxShape rows = SoftmaxShape.of(scores, mask);
        for (int row = 0; row < rows.rows(); row++) {
            int allowed = 0;
            for (int j = 0; j < rows.keys(); j++) {
                allowed += mask.allows(rows.batchOf(row), rows.queryOf(row), j) ? 1 : 0;
            }
            if (allowed >= count) {
                return true;
            }
        }
        return false;
    }
}
