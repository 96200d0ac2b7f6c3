package org.attentionlab.testkit;

import java.util.Arrays;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.testkit.LayerCase.Pairing;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Attention has no notion of order: the keys are a set (a weighted sum does not care in which
 * order its terms come), and each query is answered on its own. Order reaches attention only
 * through the inputs, e.g. a {@link org.attentionlab.api.PositionalEncoding} added to them, or
 * through a mask. A layer that builds positions in (relative position biases, rotary
 * embeddings) is not an attention layer in this contract's sense.
 */
public interface AttentionOrderLaws extends AttentionLayerUnderTest {

    /**
     * Reordering the keys and the values in the same way (key {@code j} stays with value {@code j})
     * leaves the output unchanged, and reorders the columns of the weights the same way.
     */
    @TestFactory
    default Stream<DynamicTest> permutingKeysAndValuesTogetherLeavesTheOutputUnchanged() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES,
                Pairing.ANY, 2, MaskKind.NONE), c -> {
                    LayerCase.QueryKeyValue x = c.inputs(this);
                    int[] order = Sequences.shuffled(c.seed(), c.tk());
                    AttentionResult original = x.forward(layer, Mask.none());
                    AttentionResult reordered = layer.forward(x.query(), Sequences.reorder(x.key(), order),
                            Sequences.reorder(x.value(), order), Mask.none());
                    Agreement.assertResultAgreesUpToRounding("after reordering the keys and values by " + Arrays.toString(order),
                            reordered, original.output(), Sequences.reorderLast(original.weights(), order));
                });
    }

    /**
     * Reordering the queries reorders the rows of the output and of the weights in the same way:
     * query {@code i} gets the same answer wherever it stands.
     */
    @TestFactory
    default Stream<DynamicTest> permutingQueriesPermutesTheOutputRows() {
        AttentionLayer layer = layer();
        return ForAll.cases(LayerCase.random(ForAll.seed(), Budget.LAYER_TRIES, Pairing.ANY, 2,
                MaskKind.NONE), c -> {
                    LayerCase.QueryKeyValue x = c.inputs(this);
                    int[] order = Sequences.shuffled(c.seed(), c.tq());
                    AttentionResult original = x.forward(layer, Mask.none());
                    AttentionResult reordered = layer.forward(Sequences.reorder(x.query(), order), x.key(), x.value(), Mask.none());
                    Agreement.assertResultAgreesUpToRounding("for the queries reordered by " + Arrays.toString(order),
                            reordered, Sequences.reorder(original.output(), order), Sequences.reorder(original.weights(), order));
                });
    }
}
