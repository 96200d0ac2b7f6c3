package org.attentionlab.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.AttentionSteps;
import org.attentionlab.attention.AttentionTrace;
import org.attentionlab.attention.Bias;
import org.attentionlab.attention.Linear;
import org.attentionlab.attention.MultiHeadAttention;
import org.attentionlab.attention.ScaledDotProductAttention;
import org.attentionlab.kernels.naive.NaiveKernel;
import org.attentionlab.position.LearnedPositionalEncoding;
import org.attentionlab.testkit.ForAll;
import org.attentionlab.testkit.GradientCheck;
import org.attentionlab.text.Embedding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every operation attention is built from, the backward agrees with central finite
 * differences of a double-precision forward ({@link DoubleTensor}), checked by the test kit's
 * {@link GradientCheck} on generated cases: sizes 1 and primes, every kind of mask (fully masked
 * rows and empty sequences included), inputs up to 30 times the usual size (saturated softmax).
 * {@link BrokenBackwardTests} shows that these laws fail for backwards with a classic mistake.
 */
class GradientProperties {

    /** Cases per law, unless {@code -Dattentionlab.testkit.tries} says otherwise. */
    static final int TRIES = 40;

    static final Kernel KERNEL = new NaiveKernel();

    /** The softmax backward under test, so that a broken one can be put through the same law. */
    @FunctionalInterface
    interface SoftmaxBackward {
        Tensor apply(Kernel kernel, Tensor weights, Tensor dWeights, float scale, Mask mask);
    }

    /** The attention backward under test, so that a broken one can be put through the same law. */
    @FunctionalInterface
    interface AttentionBackward {
        ScaledDotProduct.Gradients apply(Kernel kernel, AttentionSteps steps, Tensor dOutput);
    }

    /** The cases of a law: {@code cases(ForAll.seed())}, the seed derived from the law's method. */
    static List<GradientCase> cases(long seed) {
        return GradientCase.random(seed, ForAll.tries(TRIES));
    }

    /** {@code dx} agrees with finite differences of {@code forward} at {@code x}, for upstream gradient {@code dy}. */
    static void assertAgrees(String what, Tensor x, Tensor dy, Tensor dx, UnaryOperator<DoubleTensor> forward) {
        GradientCheck.compare(x, dy, dx, v -> forward.apply(new DoubleTensor(v, x.shape())).values()).assertAgrees(what);
    }

    @TestFactory
    Stream<DynamicTest> matmulGradientAgreesWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()), c -> {
            for (RightOperand operand : RightOperand.values()) {
                for (boolean shared : c.leading().isEmpty() ? new boolean[] {false} : new boolean[] {false, true}) {
                    int[] rightLast = operand == RightOperand.AS_IS ? new int[] {c.k(), c.n()} : new int[] {c.n(), c.k()};
                    Tensor a = c.tensor(1, c.shape(c.m(), c.k()));                     // [..., M, K]
                    Tensor b = shared ? c.tensor(2, rightLast) : c.tensor(2, c.shape(rightLast)); // [..., K, N] or [N, K]
                    Tensor dC = c.unitTensor(3, c.shape(c.m(), c.n()));                // [..., M, N]
                    Matmul.Gradients g = Matmul.backward(KERNEL, a, b, operand, dC);
                    String what = "matmul " + operand + (shared ? ", shared right" : "");
                    assertAgrees(what + ", dA", a, dC, g.left(), x -> x.matmul(DoubleTensor.of(b), operand));
                    assertAgrees(what + ", dB", b, dC, g.right(), y -> DoubleTensor.of(a).matmul(y, operand));
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> softmaxGradientAgreesWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()), c -> softmaxLaw(c, Softmax::backward));
    }

    /** The softmax law for a given backward: dS agrees with finite differences, masks and all. */
    static void softmaxLaw(GradientCase c, SoftmaxBackward backward) {
        Tensor scores = c.tensor(1, c.shape(c.m(), c.n()));                              // [..., Tq, Tk]
        Mask mask = c.mask(Mask.batchesOf(scores.shape()), c.m(), c.n());
        float scale = (float) (1 / Math.sqrt(c.k()));
        Tensor weights = Softmax.forward(KERNEL, scores, scale, mask);                   // [..., Tq, Tk]
        Tensor dW = c.unitTensor(2, scores.shape());
        Tensor dS = backward.apply(KERNEL, weights, dW, scale, mask);
        assertAgrees("softmax, " + mask, scores, dW, dS, s -> s.softmax(scale, mask));
    }

    /**
     * A masked score gets gradient exactly 0 and a fully masked row all zeros, and nothing is NaN,
     * even when the incoming gradient holds NaN at the masked entries (from a NaN in a masked value).
     */
    @TestFactory
    Stream<DynamicTest> softmaxGradientIsExactlyZeroWhereMasked() {
        return ForAll.cases(cases(ForAll.seed()), c -> {
            Tensor scores = c.tensor(1, c.shape(c.m(), c.n()));
            Mask mask = c.mask(Mask.batchesOf(scores.shape()), c.m(), c.n());
            Tensor weights = Softmax.forward(KERNEL, scores, 1f, mask);
            SoftmaxShape rows = SoftmaxShape.of(scores, mask);
            float[] dW = c.unitTensor(2, scores.shape()).toArray();
            for (int i = 0; i < dW.length; i++) {
                int row = i / rows.keys();
                if (!mask.allows(rows.batchOf(row), rows.queryOf(row), i % rows.keys())) {
                    dW[i] = Float.NaN;
                }
            }
            float[] dS = Softmax.backward(KERNEL, weights, Tensor.fromArray(dW, scores.shape()), 1f, mask).toArray();
            for (int i = 0; i < dS.length; i++) {
                int row = i / rows.keys();
                boolean allowed = mask.allows(rows.batchOf(row), rows.queryOf(row), i % rows.keys());
                int at = i;
                assertTrue(Float.isFinite(dS[i]), () -> "dS[" + at + "] = " + dS[at]);
                if (!allowed) {
                    assertTrue(dS[i] == 0f, () -> "masked entry " + at + " has gradient " + dS[at]); // 0 or −0
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> scaleGradientAgreesWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()), c -> {
            float factor = (float) (1 / Math.sqrt(c.k()));
            Tensor x = c.tensor(1, c.shape(c.m(), c.n()));
            Tensor dy = c.unitTensor(2, x.shape());
            assertAgrees("scale", x, dy, Scale.backward(dy, factor), v -> v.times(factor));
        });
    }

    @TestFactory
    Stream<DynamicTest> linearGradientAgreesWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()), c -> {
            Tensor x = c.tensor(1, c.shape(c.m(), c.k()));                  // [..., T, Din]
            Tensor w = c.unitTensor(2, c.k(), c.n());                       // [Din, Dout]
            Tensor b = c.unitTensor(3, c.n());                              // [Dout]
            Tensor dy = c.unitTensor(4, c.shape(c.m(), c.n()));             // [..., T, Dout]
            LinearLayer.Gradients g = LinearLayer.backward(KERNEL, Linear.of(w, b), x, dy);
            DoubleTensor exactW = DoubleTensor.of(w);
            DoubleTensor exactB = DoubleTensor.of(b);
            DoubleTensor exactX = DoubleTensor.of(x);
            assertAgrees("linear, dx", x, dy, g.input(), v -> v.matmul(exactW, RightOperand.AS_IS).plus(exactB));
            assertAgrees("linear, dW", w, dy, g.weight(), v -> exactX.matmul(v, RightOperand.AS_IS).plus(exactB));
            assertAgrees("linear, db", b, dy, g.bias().orElseThrow(), v -> exactX.matmul(exactW, RightOperand.AS_IS).plus(v));
            assertTrue(LinearLayer.backward(KERNEL, Linear.of(w), x, dy).bias().isEmpty(), "no bias, no bias gradient");
        });
    }

    @TestFactory
    Stream<DynamicTest> headSplitAndConcatGradientsAgreeWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()), c -> {
            int heads = c.heads();
            Tensor x = c.tensor(1, c.batch(), c.m(), heads * c.k());                       // [B, T, D]
            Tensor dSplit = c.unitTensor(2, c.batch(), heads, c.m(), c.k());               // [B, H, T, Dk]
            assertAgrees("head split", x, dSplit, Heads.splitBackward(dSplit),
                    v -> v.reshape(c.batch(), c.m(), heads, c.k()).permute(0, 2, 1, 3));
            Tensor h = c.tensor(3, c.batch(), heads, c.m(), c.k());                        // [B, H, T, Dk]
            Tensor dConcat = c.unitTensor(4, c.batch(), c.m(), heads * c.k());             // [B, T, D]
            assertAgrees("head concat", h, dConcat, Heads.concatBackward(dConcat, heads),
                    v -> v.permute(0, 2, 1, 3).reshape(c.batch(), c.m(), heads * c.k()));
        });
    }

    @TestFactory
    Stream<DynamicTest> scaledDotProductAttentionGradientAgreesWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()),
                c -> attentionLaw(c, ScaledDotProduct::backward));
    }

    /** The attention law for a given backward: dQ, dK and dV agree with finite differences, masks and all. */
    static void attentionLaw(GradientCase c, AttentionBackward backward) {
        int dv = c.m() == 1 ? 2 : c.m();                                        // Dv: any width
        Tensor q = c.tensor(1, c.shape(c.m(), c.k()));                           // [..., Tq, Dk]
        Tensor k = c.tensor(2, c.shape(c.n(), c.k()));                           // [..., Tk, Dk]
        Tensor v = c.unitTensor(3, c.shape(c.n(), dv));                          // [..., Tk, Dv]
        Mask mask = c.mask(Mask.batchesOf(q.shape()), c.m(), c.n());
        AttentionSteps steps = ScaledDotProduct.forward(new ScaledDotProductAttention(KERNEL), q, k, v, mask);
        Tensor dO = c.unitTensor(4, c.shape(c.m(), dv));                         // [..., Tq, Dv]
        ScaledDotProduct.Gradients g = backward.apply(KERNEL, steps, dO);
        double scale = steps.scale();
        DoubleTensor exactQ = DoubleTensor.of(q);
        DoubleTensor exactK = DoubleTensor.of(k);
        DoubleTensor exactV = DoubleTensor.of(v);
        assertAgrees("attention, dQ, " + mask, q, dO, g.query(), x -> DoubleTensor.attention(x, exactK, exactV, scale, mask));
        assertAgrees("attention, dK, " + mask, k, dO, g.key(), x -> DoubleTensor.attention(exactQ, x, exactV, scale, mask));
        assertAgrees("attention, dV, " + mask, v, dO, g.value(), x -> DoubleTensor.attention(exactQ, exactK, x, scale, mask));
    }

    @TestFactory
    Stream<DynamicTest> multiHeadAttentionGradientAgreesWithFiniteDifferences() {
        // Inputs at most 3 times the usual size: large logits are the softmax's and attention's laws. Here
        // inputs of 30 pass through two more products (W_Q, then K), whose float32 rounding then exceeds
        // the gradient of a saturated softmax itself (about 1e-4 absolute against gradients of 4e-3).
        return ForAll.cases(cases(ForAll.seed()), large -> {
            GradientCase c = large.withMagnitudeAtMost(3);
            int heads = c.heads();
            int d = heads * c.k();                                                   // D = H·Dk
            Tensor query = c.tensor(1, c.batch(), c.m(), d);                         // [B, Tq, D]
            Tensor key = c.tensor(2, c.batch(), c.n(), d);                           // [B, Tk, D]
            Tensor value = c.unitTensor(3, c.batch(), c.n(), d);                     // [B, Tk, D]
            Mask mask = c.mask(c.batch(), c.m(), c.n());
            MultiHeadAttention layer = withRandomBiases(
                    MultiHeadAttention.initialized(KERNEL, d, heads, Bias.ZEROS, c.seed()), c);
            AttentionTrace trace = MultiHead.forward(layer, query, key, value, mask);
            Tensor dOut = c.unitTensor(4, c.batch(), c.m(), d);                      // [B, Tq, D]
            MultiHead.Gradients g = MultiHead.backward(KERNEL, layer, trace, dOut);

            List<Tensor> inputs = List.of(query, key, value);
            List<Tensor> dInputs = List.of(g.query(), g.key(), g.value());
            String[] inputNames = {"query", "key", "value"};
            List<Tensor> p = parametersOf(layer.queryProjection(), layer.keyProjection(), layer.valueProjection(),
                    layer.outputProjection());
            List<Tensor> dp = parametersOf(g.queryProjection(), g.keyProjection(), g.valueProjection(), g.outputProjection());
            String[] names = {"W_Q", "b_Q", "W_K", "b_K", "W_V", "b_V", "W_O", "b_O"};
            for (int i = 0; i < inputs.size(); i++) {
                int which = i;
                assertAgrees("multi-head, d" + inputNames[i] + ", " + mask, inputs.get(i), dOut, dInputs.get(i),
                        x -> multiHeadInDouble(replaced(doubles(inputs), which, x), doubles(p), heads, mask));
            }
            for (int i = 0; i < p.size(); i++) {
                int which = i;
                assertAgrees("multi-head, d" + names[i] + ", " + mask, p.get(i), dOut, dp.get(i),
                        x -> multiHeadInDouble(doubles(inputs), replaced(doubles(p), which, x), heads, mask));
            }
        });
    }

    /** Multi-head attention in double: inputs query, key, value; parameters W_Q, b_Q, ..., W_O, b_O. */
    static DoubleTensor multiHeadInDouble(List<DoubleTensor> in, List<DoubleTensor> p, int heads, Mask mask) {
        DoubleTensor[] projected = new DoubleTensor[3];
        for (int i = 0; i < 3; i++) {
            DoubleTensor x = in.get(i);                                                       // [B, T, D]
            DoubleTensor y = x.matmul(p.get(2 * i), RightOperand.AS_IS).plus(p.get(2 * i + 1)); // [B, T, D]
            projected[i] = y.reshape(x.dim(0), x.dim(1), heads, x.dim(2) / heads).permute(0, 2, 1, 3); // [B, H, T, Dk]
        }
        int dk = projected[0].dim(-1);
        DoubleTensor o = DoubleTensor.attention(projected[0], projected[1], projected[2], 1 / Math.sqrt(dk), mask); // [B, H, Tq, Dk]
        DoubleTensor concatenated = o.permute(0, 2, 1, 3).reshape(o.dim(0), o.dim(2), heads * dk);                 // [B, Tq, D]
        return concatenated.matmul(p.get(6), RightOperand.AS_IS).plus(p.get(7));                                  // [B, Tq, D]
    }

    private static MultiHeadAttention withRandomBiases(MultiHeadAttention layer, GradientCase c) {
        int d = layer.dModel();
        return new MultiHeadAttention(KERNEL, layer.numHeads(),
                Linear.of(layer.queryProjection().weight(), c.unitTensor(11, d)),
                Linear.of(layer.keyProjection().weight(), c.unitTensor(12, d)),
                Linear.of(layer.valueProjection().weight(), c.unitTensor(13, d)),
                Linear.of(layer.outputProjection().weight(), c.unitTensor(14, d)));
    }

    private static List<Tensor> parametersOf(Linear... layers) {
        return Stream.of(layers).flatMap(l -> Stream.of(l.weight(), l.bias().orElseThrow())).toList();
    }

    private static List<DoubleTensor> doubles(List<Tensor> tensors) {
        return tensors.stream().map(DoubleTensor::of).toList();
    }

    private static List<DoubleTensor> replaced(List<DoubleTensor> list, int index, DoubleTensor value) {
        DoubleTensor[] copy = list.toArray(DoubleTensor[]::new);
        copy[index] = value;
        return List.of(copy);
    }

    @TestFactory
    Stream<DynamicTest> embeddingGradientAgreesWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()), c -> {
            int vocabulary = c.n();
            Tensor table = c.tensor(1, vocabulary, c.k());                          // [V, D]
            int[][] ids = randomIds(c, vocabulary);                                 // [B][T], repeats included
            Tensor dx = c.unitTensor(2, c.batch(), c.m(), c.k());                   // [B, T, D]
            Tensor dE = TokenEmbedding.backward(KERNEL, new Embedding(table), ids, dx);
            assertAgrees("embedding, dE", table, dx, dE, e -> {
                double[] out = new double[c.batch() * c.m() * c.k()];
                for (int p = 0; p < c.batch() * c.m(); p++) {
                    System.arraycopy(e.values(), ids[p / c.m()][p % c.m()] * c.k(), out, p * c.k(), c.k());
                }
                return new DoubleTensor(out, new int[] {c.batch(), c.m(), c.k()});   // row ids[b][t] of E
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> learnedPositionsGradientAgreesWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()), c -> {
            int maxLength = c.m() + c.n() - 1;                                       // T ≤ maxLength: unused rows too
            Tensor table = c.tensor(1, maxLength, c.k());                            // [maxLength, D]
            Tensor x = c.tensor(2, c.batch(), c.m(), c.k());                         // [B, T, D]
            Tensor dy = c.unitTensor(3, x.shape());
            LearnedPositionalEncoding encoding = new LearnedPositionalEncoding(table);
            DoubleTensor exactX = DoubleTensor.of(x);
            int used = c.m() * c.k();
            assertAgrees("positions, dP", table, dy, LearnedPositions.backward(KERNEL, encoding, dy),
                    p -> exactX.plus(new DoubleTensor(Arrays.copyOf(p.values(), used), new int[] {c.m(), c.k()})));
            assertAgrees("positions, dx", x, dy, dy, v -> v.plus(DoubleTensor.of(encoding.encodings(c.m()))));
        });
    }

    @TestFactory
    Stream<DynamicTest> crossEntropyGradientAgreesWithFiniteDifferences() {
        return ForAll.cases(cases(ForAll.seed()), c -> {
            int vocabulary = c.n() + 1;                                              // V ≥ 2
            Tensor logits = c.tensor(1, c.batch(), c.m(), vocabulary);               // [B, T, V]
            int[][] targets = randomIds(c, vocabulary);                              // [B][T]
            CrossEntropy loss = CrossEntropy.of(KERNEL, logits, targets);
            int positions = c.batch() * c.m();
            assertAgrees("cross-entropy, dz", logits, Tensor.of(1f), loss.dLogits(), z -> {
                DoubleTensor p = z.softmax(1, Mask.none());
                double sum = 0;
                for (int pos = 0; pos < positions; pos++) {
                    sum -= Math.log(p.values()[pos * vocabulary + targets[pos / c.m()][pos % c.m()]]);
                }
                return new DoubleTensor(new double[] {sum / positions}, new int[] {1});
            });
        });
    }

    /** {@code [B][T]} ids in {@code 0..vocabulary-1}, repeats included. */
    private static int[][] randomIds(GradientCase c, int vocabulary) {
        SplittableRandom random = new SplittableRandom(c.seed());
        int[][] ids = new int[c.batch()][c.m()];
        for (int[] row : ids) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextInt(vocabulary);
            }
        }
        return ids;
    }
}
