package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.FloatBuffer;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The attention part of the {@link KernelContract}: {@link Kernel#attention} (fused or not) and
 * {@link Kernel#attentionWithWeights} compute {@code softmax(scale · Q·Kᵀ, mask) · V} as the naive
 * kernel's composed default does, for every kind of mask, sizes that are no multiple of any tile
 * (1, 2, 3, 7, 17, 31, 63, 65, 127, 129), {@code [B, H, T, D]} and rank 2 and 3 inputs, and
 * custom scales; and masked keys and values never reach the output.
 */
public interface AttentionKernelLaws extends KernelUnderTest {

    /**
     * {@code attention(inputs)} agrees with the naive kernel's composed
     * {@code attentionWithWeights(inputs).output()} and with the kernel's own, under the matmul
     * rule of {@link Agreement} for {@code weights · V}; a query whose keys are all masked gets
     * the zero vector.
     */
    @TestFactory
    default Stream<DynamicTest> attentionAgreesWithComposedAttention() {
        Kernel kernel = kernel();
        Kernel oracle = Oracle.NAIVE;
        return ForAll.cases(AttentionCase.forKernels(ForAll.seed(), ForAll.tries(Budget.KERNEL_ATTENTION_TRIES),
                MaskKind.values()), c -> {
                    AttentionInputs inputs = c.inputs();
                    AttentionResult expected = oracle.attentionWithWeights(inputs);
                    Tensor fused = kernel.attention(inputs);
                    Agreement.assertOutputAgrees("the naive kernel's composed attention", expected.weights(),
                            inputs.value(), fused, expected.output());
                    Agreement.assertOutputAgrees("this kernel's attentionWithWeights", expected.weights(),
                            inputs.value(), fused, kernel.attentionWithWeights(inputs).output());
                });
    }

    /**
     * {@code attentionWithWeights(inputs)}: the weights are the naive softmax of the scaled scores
     * {@code softmax(scale · Q·Kᵀ, mask)} (softmax rule) and the output is {@code weights · V}
     * (matmul rule).
     */
    @TestFactory
    default Stream<DynamicTest> attentionWeightsAreTheSoftmaxOfTheScaledScores() {
        Kernel kernel = kernel();
        Kernel oracle = Oracle.NAIVE;
        return ForAll.cases(AttentionCase.forKernels(ForAll.seed(), ForAll.tries(Budget.KERNEL_ATTENTION_TRIES),
                MaskKind.values()), c -> {
                    AttentionInputs inputs = c.inputs();
                    AttentionResult expected = oracle.attentionWithWeights(inputs);
                    AttentionResult actual = kernel.attentionWithWeights(inputs);
                    try {
                        Agreement.assertWeightsAgree("attention weights", "the naive softmax of the scaled scores",
                                actual.weights(), expected.weights());
                    } catch (AssertionError e) {
                        throw LawFailure.withHint(e, Hints.otherScale(inputs, actual.weights()));
                    }
                    Agreement.assertOutputAgrees("the naive kernel", expected.weights(), inputs.value(),
                            actual.output(), expected.output());
                });
    }

    /**
     * Keys that no query of their batch entry may attend to (padding, empty sequences, masked
     * columns) never reach the output: filled with NaN, +∞ and −∞ in both key and value, they
     * change neither {@code attention} nor {@code attentionWithWeights} (output and weights).
     */
    @TestFactory
    default Stream<DynamicTest> maskedKeysAndValuesNeverReachTheOutput() {
        Kernel kernel = kernel();
        return ForAll.cases(AttentionCase.forKernels(ForAll.seed(), ForAll.tries(Budget.KERNEL_ATTENTION_TRIES),
                MaskKind.KEY_PADDING, MaskKind.KEY_PADDING_WITH_EMPTY_SEQUENCES, MaskKind.CAUSAL_AND_KEY_PADDING,
                MaskKind.RANDOM, MaskKind.FULLY_MASKED_ROWS), c -> {
                    AttentionInputs clean = c.inputs();
                    AttentionInputs poisoned = c.withHiddenKeysPoisoned();
                    AttentionResult expected = kernel.attentionWithWeights(clean);
                    String why = " with NaN and ±∞ in the keys and values no query may attend to";
                    Agreement.assertOutputAgrees("attention" + why, expected.weights(), clean.value(),
                            kernel.attention(poisoned), kernel.attention(clean));
                    AttentionResult actual = kernel.attentionWithWeights(poisoned);
                    Agreement.assertOutputAgrees("attentionWithWeights" + why, expected.weights(), clean.value(),
                            actual.output(), expected.output());
                    Agreement.assertWeightsAgree("attention weights", "attentionWithWeights" + why, actual.weights(),
                            expected.weights());
                });
    }

    /**
     * A NaN in a value that some query may attend to does reach that query: element {@code d} of
     * its output is NaN (in IEEE arithmetic even {@code 0 · NaN} is NaN), for {@code attention}
     * and {@code attentionWithWeights}; the queries that may not attend to it are unchanged.
     */
    @TestFactory
    default Stream<DynamicTest> nanInAnAllowedValueReachesTheQueriesThatAttendToIt() {
        Kernel kernel = kernel();
        return ForAll.cases(AttentionCase.forKernels(ForAll.seed(), ForAll.tries(Budget.KERNEL_ATTENTION_TRIES),
                MaskKind.values()), c -> {
                    AttentionInputs clean = c.inputs();
                    Mask mask = clean.mask();
                    int batch0 = clean.maskBatchOf(0);
                    int key = c.allowedKey(); // a key some query of attention 0 may attend to
                    if (key < 0) {
                        return; // nothing is allowed in attention 0: nothing to check
                    }
                    int d = (int) Math.floorMod(c.seed() >>> 7, (long) clean.valueWidth());
                    float[] v = clean.value().toArray();                       // [batch, Tk, Dv]
                    v[key * clean.valueWidth() + d] = Float.NaN;               // attention 0, key, column d
                    AttentionInputs poisoned = c.inputs(c.query(), c.key(), Tensor.fromArray(v, clean.value().shape()));
                    Tensor reference = kernel.attention(clean);
                    for (Tensor out : new Tensor[] {kernel.attention(poisoned), kernel.attentionWithWeights(poisoned).output()}) {
                        FloatBuffer o = out.values();                          // [batch, Tq, Dv]
                        FloatBuffer r = reference.values();
                        for (int i = 0; i < clean.queries(); i++) {
                            int at = i * clean.valueWidth() + d;
                            if (mask.allows(batch0, i, key) && !Float.isNaN(o.get(at))) {
                                fail("query " + i + " may attend to key " + key + " whose value holds NaN at " + d
                                        + ", but its output there is " + o.get(at) + ", not NaN");
                            }
                            if (!mask.allows(batch0, i, key) && !Agreement.agrees(o.get(at), r.get(at), Math.abs(r.get(at)))) {
                                fail("query " + i + " may not attend to key " + key + ", but a NaN in that key's value"
                                        + " changed its output from " + r.get(at) + " to " + o.get(at));
                            }
                        }
                    }
                });
    }
}
