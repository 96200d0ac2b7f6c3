package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.LayerCase.Pairing;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What an {@link AttentionLayer} returns, whatever it computes: an output with one row per query,
 * weights {@code [B, ..., Tq, Tk]} whose rows are probability distributions over the keys, and
 * queries that are attended independently of each other, also when {@code Tq ≠ Tk}.
 */
public interface AttentionShapeLaws extends AttentionLayerUnderTest {

    /**
     * The output is {@code [B, ..., Tq, ·]}: the query's shape up to the width, which is the same for
     * every {@code B}, {@code Tq} and {@code Tk}; the weights are {@code [B, ..., Tq, Tk]} with the
     * same middle dimensions (heads) every time; everything is finite.
     */
    @TestFactory
    default Stream<DynamicTest> outputHasOneRowPerQueryAndWeightsAreTqByTk() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES,
                Pairing.ANY, 1, MaskKind.NONE), c -> {
                    AttentionResult smallest = layer.forward(input(1, 1, 1), input(2, 1, 1), input(3, 1, 1));
                    assertNotNull(smallest, "forward returned null");
                    int width = smallest.output().dim(-1);
                    int[] weightShape = smallest.weights().shape();
                    LayerCase.QueryKeyValue x = c.inputs(this);
                    Tensor query = x.query();
                    AttentionResult result = layer.forward(query, x.key(), x.value());
                    assertNotNull(result, "forward returned null");
                    int[] expectedOutput = query.shape();
                    expectedOutput[expectedOutput.length - 1] = width;
                    assertArrayEquals(expectedOutput, result.output().shape(), () -> "output is "
                            + LayerCase.shape(result.output()) + " for query " + LayerCase.shape(query)
                            + ", expected " + Arrays.toString(expectedOutput) + " (one row per query, width " + width
                            + " as for Tq = Tk = 1)");
                    Agreement.assertWeightShape(result.weights(), c.batch(), c.tq(), c.tk());
                    int[] expectedWeights = weightShape.clone();
                    expectedWeights[0] = c.batch();
                    expectedWeights[expectedWeights.length - 2] = c.tq();
                    expectedWeights[expectedWeights.length - 1] = c.tk();
                    assertArrayEquals(expectedWeights, result.weights().shape(), () -> "weights are "
                            + LayerCase.shape(result.weights()) + ", expected " + Arrays.toString(expectedWeights)
                            + " (the same heads as for Tq = Tk = 1)");
                    Agreement.assertFinite("output", result.output());
                    Agreement.assertFinite("weights", result.weights());
                });
    }

    /**
     * Each row of weights is a probability distribution over the keys: numbers in [0, 1] that sum
     * to 1, exactly 0 on masked keys; without a mask, with causal masks and with key padding.
     */
    @TestFactory
    default Stream<DynamicTest> weightsAreProbabilitiesThatSumToOne() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES, Pairing.ANY, 1,
                MaskKind.NONE, MaskKind.KEY_PADDING, MaskKind.CAUSAL, MaskKind.CAUSAL_AND_KEY_PADDING), c -> {
                    Tensor weights = c.forward(layer, this).weights();
                    Agreement.assertWeightShape(weights, c.batch(), c.tq(), c.tk());
                    Agreement.assertProbabilities(weights, c.mask());
                });
    }

    /**
     * Cross-attention: with {@code Tq ≠ Tk} the output has {@code Tq} rows and the weights are
     * {@code Tq × Tk}, and each query is attended on its own: attending with query {@code i} alone
     * ({@code Tq = 1}) gives row {@code i} of the output and of the weights.
     */
    @TestFactory
    default Stream<DynamicTest> crossAttentionAllowsTqDifferentFromTk() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES, Pairing.CROSS, 1,
                MaskKind.NONE), c -> {
                    LayerCase.QueryKeyValue x = c.inputs(this);
                    AttentionResult all = x.forward(layer, Mask.none());
                    assertEquals(c.tq(), all.output().dim(-2), () -> "output " + LayerCase.shape(all.output())
                            + " should have Tq = " + c.tq() + " rows");
                    Agreement.assertWeightShape(all.weights(), c.batch(), c.tq(), c.tk());
                    for (int i = 0; i < c.tq(); i++) {
                        AttentionResult one = layer.forward(Sequences.rows(x.query(), i, i + 1), x.key(), x.value(), Mask.none());
                        Agreement.assertResultAgreesUpToRounding("of query " + i + " attended alone", one,
                                Sequences.rows(all.output(), i, i + 1), Sequences.rows(all.weights(), i, i + 1));
                    }
                });
    }
}
