package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.LayerCase.Pairing;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of an {@link AttentionLayer} that computes scaled dot-product attention, equation
 * (1) of Vaswani et al. (2017): {@code Attention(Q, K, V) = softmax(Q·Kᵀ / √d_k) · V}, with masked
 * scores left out of the softmax. Every law of {@link AttentionLayerContract}, and the numbers:
 *
 * <pre>{@code
 * class MyAttentionContractTests implements ScaledDotProductAttentionContract {
 *     public AttentionLayer layer() {
 *         return new MyAttention(new NaiveKernel());
 *     }
 * }
 * }</pre>
 *
 * <p>Shapes: {@code query [..., Tq, Dk]}, {@code key [..., Tk, Dk]}, {@code value [..., Tk, Dv]}
 * with the same leading dimensions (none, {@code [B]} or {@code [B, H]}); output
 * {@code [..., Tq, Dv]}, weights {@code [..., Tq, Tk]}. The generic laws use {@link #input}, by
 * default {@code [B, 2, T, 4]} ({@code [B, H, T, Dk]}).
 *
 * <p>Its own laws: {@code agreesWithReferenceAttention}, {@code courseWorkedExampleGivesTheTrueNumbers}
 * and {@code fullyMaskedQueryOutputsTheZeroVector} (below; all in one table in {@code testkit/README.md}).
 */
public interface ScaledDotProductAttentionContract extends AttentionLayerContract {

    /** {@code [B, H, T, Dk] = [batch, 2, length, 4]}, standard normal. */
    @Override
    default Tensor input(long seed, int batch, int length) {
        return Tensor.randomNormal(seed, batch, 2, length, 4);
    }

    /**
     * Weights and output agree with {@code softmax(Q·Kᵀ/√d_k)·V} computed by the naive kernel,
     * one line per step of the formula ({@link org.attentionlab.api.Kernel#attentionWithWeights}):
     * weights under the softmax rule of {@link Agreement}, the output under its matmul rule (the
     * product of the weights and V). A forgotten or wrong scale (the failure says which scale the
     * weights match), a transposed operand, a mask applied to the wrong batch entry or {@code Dk}
     * and {@code Dv} mixed up all fail.
     */
    @TestFactory
    default Stream<DynamicTest> agreesWithReferenceAttention() {
        AttentionLayer layer = layer();
        Kernel reference = Oracle.NAIVE;
        return ForAll.cases(AttentionCase.forLayers(ForAll.seed(), ForAll.tries(Budget.REFERENCE_TRIES)), c -> {
            AttentionInputs inputs = c.inputs();
            AttentionResult expected = reference.attentionWithWeights(inputs);
            AttentionResult actual = layer.forward(inputs.query(), inputs.key(), inputs.value(), inputs.mask());
            try {
                Agreement.assertWeightsAgree("attention weights", "the reference attention", actual.weights(), expected.weights());
            } catch (AssertionError e) {
                throw LawFailure.withHint(e, Hints.otherScale(inputs, actual.weights()));
            }
            Agreement.assertOutputAgrees("the reference attention", expected.weights(), inputs.value(),
                    actual.output(), expected.output());
        });
    }

    /**
     * The course's worked example: query 2 ("love"), keys [1, 2, 3], values [2, 4, 6], so
     * {@code d_k = 1} and the scores are {@code s = [2, 4, 6]}. The weights are
     * {@code e^s / Σ e^s ≈ [0.016, 0.117, 0.867]} (not the [0.1, 0.3, 0.6] the material rounds to)
     * and the output {@code Σ w·v ≈ 5.70} (not 5.0), computed here from {@link Math#exp}; compared under
     * {@link Agreement}'s softmax and attention-output rules.
     */
    @Test
    default void courseWorkedExampleGivesTheTrueNumbers() {
        Tensor query = Tensor.of(new float[][] {{2}});            // [Tq=1, Dk=1]
        Tensor keys = Tensor.of(new float[][] {{1}, {2}, {3}});   // [Tk=3, Dk=1]
        Tensor values = Tensor.of(new float[][] {{2}, {4}, {6}}); // [Tk=3, Dv=1]

        AttentionResult result = layer().forward(query, keys, values);

        double[] scores = {2 * 1, 2 * 2, 2 * 3}; // q·k / √1
        double sum = Math.exp(scores[0]) + Math.exp(scores[1]) + Math.exp(scores[2]);
        float[] weights = new float[3];
        double output = 0;
        for (int j = 0; j < 3; j++) {
            weights[j] = (float) (Math.exp(scores[j]) / sum);
            output += Math.exp(scores[j]) / sum * values.get(j, 0);
        }
        Tensor expectedWeights = Tensor.of(new float[][] {weights});                     // [Tq=1, Tk=3]
        Agreement.assertWeightsAgree("attention weights", "e^s / Σ e^s", result.weights(), expectedWeights);
        Agreement.assertOutputAgrees("Σ w·v", expectedWeights, values, result.output(),
                Tensor.of(new float[][] {{(float) output}}));                             // [Tq=1, Dv=1]
    }

    /**
     * A query that may attend to no key gets the zero vector as output (its weights are all 0, so
     * {@code weights·V} is 0): exactly 0, where PyTorch gives NaN. The other queries' outputs are finite.
     */
    @TestFactory
    default Stream<DynamicTest> fullyMaskedQueryOutputsTheZeroVector() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES, Pairing.ANY, 1,
                MaskKind.FULLY_MASKED_ROWS), c -> {
                    Mask mask = c.mask();
                    AttentionResult result = c.forward(layer, this);
                    Agreement.assertWeightShape(result.weights(), c.batch(), c.tq(), c.tk());
                    Agreement.assertFinite("output", result.output());
                    SoftmaxShape rows = SoftmaxShape.of(result.weights(), mask);
                    int width = result.output().dim(-1);
                    float[] output = result.output().toArray();
                    for (int row = 0; row < rows.rows(); row++) {
                        int start = row * width;
                        boolean nonZero = IntStream.range(start, start + width).anyMatch(i -> output[i] != 0f);
                        if (nonZero && Agreement.fullyMasked(mask, rows, row)) {
                            fail(Agreement.query(rows, row) + " may attend to no key, but its output is "
                                    + Arrays.toString(Arrays.copyOfRange(output, start, start + width)) + ", not 0");
                        }
                    }
                });
    }
}
