package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

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
import org.opentest4j.AssertionFailedError;

/**
 * A masked key gets weight exactly 0, so nothing it holds can reach the output: causal masks hide
 * the future, key padding hides the padding, and a query that may attend to no key attends to
 * nothing. Masks address {@code (batch, query, key)}, the batch being the inputs' first dimension.
 */
public interface AttentionMaskLaws extends AttentionLayerUnderTest {

    /** With {@link Mask#causal()}, query {@code i} gives every key {@code j > i} weight exactly 0. */
    @TestFactory
    default Stream<DynamicTest> causalMaskGivesZeroWeightToLaterKeys() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES, Pairing.SELF, 1,
                MaskKind.CAUSAL), c -> {
                    Tensor weights = layer.selfAttention(c.inputs(this).query(), Mask.causal()).weights(); // [B, ..., T, T]
                    Agreement.assertWeightShape(weights, c.batch(), c.tq(), c.tk());
                    try {
                        Agreement.assertMaskedAreZero(weights, Mask.causal()); // the keys j > i of query i
                    } catch (AssertionError e) {
                        fail("a query gives a later key a weight: " + e.getMessage());
                    }
                });
    }

    /**
     * Self-attention with {@link Mask#causal()}: changing the inputs after position {@code i}
     * changes no output at positions {@code 0..i}. (The last position does see the change, so
     * the law is not satisfied by a layer that ignores its inputs.)
     */
    @TestFactory
    default Stream<DynamicTest> causalMaskMakesOutputIndependentOfLaterInputs() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES,
                Pairing.SELF, 2, MaskKind.CAUSAL), c -> {
                    int t = c.tq();
                    int i = c.position(t - 1); // a position with at least one later one
                    int[] from = new int[c.batch()];
                    Arrays.fill(from, i + 1);
                    Tensor x = c.inputs(this).query();
                    Tensor changedFuture = Sequences.replaceFrom(x, c.other(this, 0, t), from);

                    Tensor before = layer.selfAttention(x, Mask.causal()).output();
                    Tensor after = layer.selfAttention(changedFuture, Mask.causal()).output();

                    Agreement.assertAgreesUpToRounding("output at positions 0.." + i + " after changing the inputs from position "
                            + (i + 1) + " on", Sequences.rows(after, 0, i + 1), Sequences.rows(before, 0, i + 1));
                    assertFalse(Agreement.agreesUpToRounding(Sequences.rows(after, t - 1, t), Sequences.rows(before, t - 1, t)),
                            "the output at the last position should change when its own input changes, but it agrees"
                                    + " with the unchanged one up to float rounding");
                });
    }

    /**
     * With {@link Mask#keyPadding} ({@code lengths[b]} real keys in batch entry {@code b}, each
     * entry its own length), replacing the padded keys and values by other numbers changes
     * neither the output nor the weights, and padded keys get weight exactly 0.
     */
    @TestFactory
    default Stream<DynamicTest> keyPaddingMakesOutputIndependentOfPaddedKeysAndValues() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES,
                Pairing.ANY, 2, MaskKind.NONE), c -> {
                    int[] lengths = c.paddedLengths();
                    Mask mask = Mask.keyPadding(lengths);
                    LayerCase.QueryKeyValue x = c.inputs(this);
                    AttentionResult original = x.forward(layer, mask);
                    AttentionResult changed = layer.forward(x.query(), Sequences.replaceFrom(x.key(), c.other(this, 1, c.tk()), lengths),
                            Sequences.replaceFrom(x.value(), c.other(this, 2, c.tk()), lengths), mask);
                    try {
                        Agreement.assertWeightShape(original.weights(), c.batch(), c.tq(), c.tk());
                        Agreement.assertProbabilities(original.weights(), mask);
                        Agreement.assertResultAgreesUpToRounding("after changing the padding", changed, original.output(),
                                original.weights());
                    } catch (AssertionError e) {
                        throw new AssertionFailedError("with " + mask + ": " + e.getMessage(), e);
                    }
                });
    }

    /**
     * A query whose every key is masked attends to nothing: its weights are all exactly 0 (not
     * NaN, as 0/0 would give), while the other queries' weights still sum to 1 and are 0 on their
     * masked keys. The {@link AttentionLayer} contract does not say what such a query's output is
     * (scaled dot-product attention gives the zero vector; see {@link ScaledDotProductAttentionContract}).
     */
    @TestFactory
    default Stream<DynamicTest> fullyMaskedQueryAttendsToNothing() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES, Pairing.ANY, 1,
                MaskKind.FULLY_MASKED_ROWS), c -> {
                    Mask mask = c.mask();
                    Tensor weights = c.forward(layer, this).weights();
                    Agreement.assertWeightShape(weights, c.batch(), c.tq(), c.tk());
                    Agreement.assertProbabilities(weights, mask);
                });
    }
}
