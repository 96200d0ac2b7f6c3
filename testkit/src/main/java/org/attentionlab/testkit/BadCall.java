package org.attentionlab.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * A call with shapes that do not fit, and the words its error message must contain: the
 * operation's name and both shapes (for softmax: the scores' shape and the mask).
 *
 * @param description what is wrong, for the test's name
 * @param call        the call to make on a kernel
 * @param mentions    what the {@link IllegalArgumentException}'s message must contain
 */
record BadCall(String description, Consumer<Kernel> call, List<String> mentions) implements Shrinkable<BadCall> {

    /** {@code count} bad calls of every kind, on small random shapes. */
    static List<BadCall> random(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BadCall> calls = new ArrayList<>();
        while (calls.size() < count) {
            int m = 1 + random.nextInt(9);
            int k = 1 + random.nextInt(9);
            int n = 1 + random.nextInt(9);
            int off = 1 + random.nextInt(3);
            List<Integer> leading = Sizes.leading(random);
            RightOperand operand = random.nextBoolean() ? RightOperand.AS_IS : RightOperand.TRANSPOSED;
            int[] goodRight = operand == RightOperand.AS_IS ? Sizes.shape(leading, k, n) : Sizes.shape(leading, n, k);
            switch (calls.size() % 8) {
                case 0: { // inner dimensions differ: K vs K + off
                    int[] right = operand == RightOperand.AS_IS
                            ? Sizes.shape(leading, k + off, n) : Sizes.shape(leading, n, k + off);
                    calls.add(matmul("inner dimensions differ", Sizes.shape(leading, m, k), right, operand));
                    break;
                }
                case 1: { // batch dimensions differ: the right has one more batch entry
                    int[] right = Sizes.shape(List.of(off + (leading.isEmpty() ? 0 : leading.get(0))), k, n);
                    calls.add(matmul("batch dimensions differ", Sizes.shape(leading, m, k), right, RightOperand.AS_IS));
                    break;
                }
                case 2:
                    calls.add(matmul("left is a vector", new int[] {k}, goodRight, operand));
                    break;
                case 3:
                    calls.add(matmul("right is a vector", Sizes.shape(leading, m, k), new int[] {k}, operand));
                    break;
                case 4:
                    calls.add(softmax("causal mask on non-square scores", Sizes.shape(leading, m, m + off), Mask.causal()));
                    break;
                case 5: { // one length too many (batches = first dimension for rank >= 3, else 1)
                    int batches = leading.isEmpty() ? 1 : leading.get(0);
                    calls.add(softmax("key padding with a length per batch entry plus " + off,
                            Sizes.shape(leading, m, n), Mask.keyPadding(filled(batches + off, 1))));
                    break;
                }
                case 6: {
                    int batches = leading.isEmpty() ? 1 : leading.get(0);
                    calls.add(softmax("key padding longer than Tk", Sizes.shape(leading, m, n),
                            Mask.keyPadding(filled(batches, n + off))));
                    break;
                }
                default:
                    calls.add(softmax("mask matrix of the wrong size", Sizes.shape(leading, m, n),
                            Mask.of(new boolean[m + off][n])));
                    break;
            }
        }
        return List.copyOf(calls);
    }

    private static BadCall matmul(String what, int[] left, int[] right, RightOperand operand) {
        return new BadCall("matmul: " + what + ": left " + Arrays.toString(left) + ", right "
                + Arrays.toString(right) + (operand == RightOperand.TRANSPOSED ? " (transposed)" : ""),
                kernel -> kernel.matmul(Tensor.zeros(left), Tensor.zeros(right), operand),
                List.of("matmul", Arrays.toString(left), Arrays.toString(right)));
    }

    private static BadCall softmax(String what, int[] scores, Mask mask) {
        return new BadCall("softmax: " + what + ": scores " + Arrays.toString(scores) + ", " + mask,
                kernel -> kernel.softmax(Tensor.zeros(scores), mask),
                List.of("softmax", Arrays.toString(scores), mask.toString()));
    }

    private static int[] filled(int count, int value) {
        int[] values = new int[count];
        Arrays.fill(values, value);
        return values;
    }

    /** Bad calls are already small; there is nothing to shrink. */
    @Override
    public Stream<BadCall> simpler() {
        return Stream.empty();
    }

    @Override
    public String toString() {
        return description;
    }
}
