package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The softmax part of the {@link KernelContract}: {@link Kernel#softmax(Tensor, Mask)} agrees with
 * the naive kernel and has the properties a softmax must have, whatever the implementation:
 * rows that sum to 1, invariance to a constant added to a row, exact zeros where masked, all-zero
 * rows where nothing is allowed, weight 0 for −∞ and NaN for NaN or +∞.
 *
 * <p>Scores have rank 1 to 4 ({@code [Tk]} to {@code [B, H, Tq, Tk]}), Tq and Tk up to 130, and
 * magnitudes up to 1e4, where a softmax that forgets to subtract the row maximum overflows.
 */
public interface SoftmaxLaws extends KernelUnderTest {

    /** Agrees with the oracle, without a mask and with every kind of mask. */
    @TestFactory
    default Stream<DynamicTest> softmaxAgreesWithNaive() {
        Kernel kernel = kernel();
        Kernel oracle = Oracle.NAIVE;
        return ForAll.cases(cases(ForAll.seed(), EnumSet.allOf(MaskKind.class), 1, 1, 10, 100, 1e4f), c -> {
            Tensor scores = c.scores();
            Mask mask = c.mask();
            Tensor actual = kernel.softmax(scores, mask);
            Tensor expected = oracle.softmax(scores, mask);
            try {
                Agreement.assertSoftmaxAgrees(actual, expected);
            } catch (AssertionError e) {
                throw LawFailure.withHint(e, Hints.softmaxOverflow(scores, 1f, actual, expected));
            }
        });
    }

    /**
     * {@code softmax(scores, s, mask)} is the softmax of {@code s · scores}: it agrees with the
     * oracle's softmax of the scores multiplied by {@code s} beforehand, for scales from 0.05 to 4
     * (attention passes {@code 1/√d_k}), with every kind of mask.
     */
    @TestFactory
    default Stream<DynamicTest> softmaxWithAScaleIsTheSoftmaxOfTheScaledScores() {
        Kernel kernel = kernel();
        Kernel oracle = Oracle.NAIVE;
        float[] scales = {0.05f, 0.125f, 0.35355338f, 2f, 4f};
        return ForAll.cases(cases(ForAll.seed(), EnumSet.allOf(MaskKind.class), 1, 10), c -> {
            float scale = scales[(int) Math.floorMod(c.seed(), (long) scales.length)];
            Tensor scores = c.scores();
            Mask mask = c.mask();
            Tensor actual = kernel.softmax(scores, scale, mask);
            try {
                Agreement.assertSoftmaxAgrees(actual, oracle.softmax(scores.times(scale), mask));
            } catch (AssertionError e) {
                throw LawFailure.withHint(new AssertionError("with scale " + scale + ": " + e.getMessage()),
                        Hints.ignoredScale(scores, scale, mask, actual));
            }
        });
    }

    /**
     * A scale that is not finite and positive (0, −0, negative, NaN, ±∞) raises
     * {@link IllegalArgumentException} naming {@code softmax} and the scale.
     */
    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {0f, -0f, -1f, -1e-30f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    default void badScalesAreRejected(float scale) {
        Kernel kernel = kernel();
        Tensor scores = Tensor.zeros(2, 3);
        Rejections.assertRejected("softmax with scale " + scale, () -> kernel.softmax(scores, scale, Mask.none()),
                "softmax", String.valueOf(scale));
    }

    /**
     * Every row that allows at least one key sums to 1 within 1e-5, and every
     * weight is a finite number in [0, 1], for scores as large as ±1e4 (where a naive exp overflows).
     */
    @TestFactory
    default Stream<DynamicTest> softmaxRowsSumToOne() {
        Kernel kernel = kernel();
        Set<MaskKind> everyRowAllowsAKey = EnumSet.of(MaskKind.NONE, MaskKind.CAUSAL, MaskKind.KEY_PADDING,
                MaskKind.CAUSAL_AND_KEY_PADDING);
        return ForAll.cases(cases(ForAll.seed(), everyRowAllowsAKey, 1, 10, 100, 1e3f, 1e4f), c -> {
            Tensor weights = kernel.softmax(c.scores(), c.mask());
            try {
                Agreement.assertRowsSumToOne(weights, c.mask());
            } catch (AssertionError e) {
                throw LawFailure.withHint(e, Hints.softmaxOverflow(c.scores(), 1f, weights,
                        Oracle.NAIVE.softmax(c.scores(), c.mask())));
            }
        });
    }

    /**
     * {@code softmax(x + c) = softmax(x)} for a constant c per row: only differences of scores matter.
     * Scores are rounded to multiples of 2⁻¹⁰ and c is an integer up to ±1000, so that x + c is
     * exact in float and both calls see mathematically the same differences.
     */
    @TestFactory
    default Stream<DynamicTest> softmaxIsInvariantToAddingAConstantPerRow() {
        Kernel kernel = kernel();
        return ForAll.cases(cases(ForAll.seed(), EnumSet.allOf(MaskKind.class), 1, 10), c -> {
            float[] x = c.scores().toArray();
            float[] shifted = new float[x.length];
            int keys = c.shape().get(c.shape().size() - 1);
            SplittableRandom random = new SplittableRandom(c.seed());
            float constant = 0;
            for (int i = 0; i < x.length; i++) {
                constant = i % keys == 0 ? random.nextInt(-1000, 1001) : constant; // a new row, a new constant
                x[i] = Math.round(x[i] * 1024) / 1024f;
                shifted[i] = x[i] + constant; // exact: |x + c| < 2¹³ with 10 fraction bits fits 24 bits
            }
            Tensor plain = kernel.softmax(Tensor.fromArray(x, c.shapeArray()), c.mask());
            Agreement.assertSoftmaxAgrees(kernel.softmax(Tensor.fromArray(shifted, c.shapeArray()), c.mask()), plain);
        });
    }

    /** A masked entry gets weight exactly 0 (not merely a small number). */
    @TestFactory
    default Stream<DynamicTest> maskedEntriesAreExactlyZero() {
        Kernel kernel = kernel();
        Set<MaskKind> masked = EnumSet.complementOf(EnumSet.of(MaskKind.NONE));
        return ForAll.cases(cases(ForAll.seed(), masked, 1, 100, 1e4f),
                c -> Agreement.assertMaskedAreZero(kernel.softmax(c.scores(), c.mask()), c.mask()));
    }

    /**
     * Masked scores are never read: whatever a masked position holds (here NaN, which would poison
     * any sum it entered), the weights are the same as with the original scores.
     */
    @TestFactory
    default Stream<DynamicTest> maskedScoresAreNeverRead() {
        Kernel kernel = kernel();
        Set<MaskKind> masked = EnumSet.complementOf(EnumSet.of(MaskKind.NONE));
        return ForAll.cases(cases(ForAll.seed(), masked, 1, 100), c -> {
            Tensor scores = c.scores();
            Mask mask = c.mask();
            SoftmaxShape rows = SoftmaxShape.of(scores, mask);
            float[] poisoned = scores.toArray(); // [rows, keys]
            for (int i = 0; i < poisoned.length; i++) {
                int row = i / rows.keys();
                poisoned[i] = mask.allows(rows.batchOf(row), rows.queryOf(row), i % rows.keys()) ? poisoned[i] : Float.NaN;
            }
            assertArrayEquals(kernel.softmax(scores, mask).toArray(),
                    kernel.softmax(Tensor.fromArray(poisoned, c.shapeArray()), mask).toArray(),
                    "a NaN at a masked position changed the weights");
        });
    }

    /**
     * A row that allows no key attends to nothing: all its weights are 0 (not 0/0 = NaN), while
     * the other rows still sum to 1.
     */
    @TestFactory
    default Stream<DynamicTest> fullyMaskedRowIsAllZeros() {
        Kernel kernel = kernel();
        return ForAll.cases(cases(ForAll.seed(), EnumSet.of(MaskKind.FULLY_MASKED_ROWS), 1, 1e4f),
                c -> Agreement.assertProbabilities(kernel.softmax(c.scores(), c.mask()), c.mask()));
    }

    /**
     * A score of −∞ gets weight exactly 0, like a masked one, and a row of only −∞ (or masked)
     * entries is all zeros; everything else agrees with the oracle.
     */
    @TestFactory
    default Stream<DynamicTest> minusInfinityScoresGetWeightZero() {
        Kernel kernel = kernel();
        Kernel oracle = Oracle.NAIVE;
        return ForAll.cases(cases(ForAll.seed(), EnumSet.of(MaskKind.NONE, MaskKind.RANDOM), 1, 10), c -> {
            float[] x = c.scores().toArray();
            int keys = c.shape().get(c.shape().size() - 1);
            SplittableRandom random = new SplittableRandom(c.seed());
            for (int i = 0; i < x.length; i++) {
                if (i < keys || random.nextInt(3) == 0) { // the whole first row, and a third of the rest
                    x[i] = Float.NEGATIVE_INFINITY;
                }
            }
            Tensor scores = Tensor.fromArray(x, c.shapeArray());
            Tensor y = kernel.softmax(scores, c.mask());
            for (int i = 0; i < x.length; i++) {
                if (x[i] == Float.NEGATIVE_INFINITY && y.values().get(i) != 0f) {
                    fail("score −∞ at flat index " + i + " has weight " + y.values().get(i) + ", not 0");
                }
            }
            Agreement.assertSoftmaxAgrees(y, oracle.softmax(scores, c.mask()));
        });
    }

    /** NaN or +∞ in a row makes that row's weights NaN; the other rows are unaffected. */
    @Test
    default void nanOrPlusInfinityMakesItsRowNaN() {
        float nan = Float.NaN;
        float inf = Float.POSITIVE_INFINITY;
        Tensor scores = Tensor.of(new float[][] {{1, nan, 2}, {1, 2, 3}, {inf, 0, 1}, {Float.NEGATIVE_INFINITY, 0, 1}});

        float[][] y = kernel().softmax(scores).toMatrix();
        float[][] expected = Oracle.NAIVE.softmax(scores).toMatrix();

        for (int row : new int[] {0, 2}) {
            for (float w : y[row]) {
                assertTrue(Float.isNaN(w), "row " + row + " holds NaN or +∞, so its weights must be NaN, got " + w);
            }
        }
        for (int row : new int[] {1, 3}) {
            Agreement.assertWeightsAgree("row " + row + " (finite, so unaffected by the other rows)", "the naive kernel",
                    Tensor.of(y[row]), Tensor.of(expected[row]));
        }
    }

    private static List<SoftmaxCase> cases(long seed, Set<MaskKind> kinds, float... magnitudes) {
        return SoftmaxCase.random(seed, ForAll.tries(Budget.SOFTMAX_TRIES), kinds, magnitudes);
    }
}
