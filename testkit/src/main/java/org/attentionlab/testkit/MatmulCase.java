package org.attentionlab.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * One generated matrix product: {@code left [..., M, K] · right [..., K, N]} (or
 * {@code right [..., N, K]} when {@link RightOperand#TRANSPOSED}), filled with standard normal
 * values from {@code seed}.
 *
 * @param leading     the leading (batch) dimensions of {@code left}, e.g. {@code [B, H]}; may be empty
 * @param m           rows of each left matrix
 * @param k           the contracted dimension (0 is an empty sum)
 * @param n           columns of each result
 * @param rightShared true if {@code right} is a single rank-2 matrix shared by every batch entry
 *                    (always false when there are no leading dimensions)
 * @param operand     how {@code right} is stored
 * @param seed        seed of the values
 */
public record MatmulCase(List<Integer> leading, int m, int k, int n, boolean rightShared,
                         RightOperand operand, long seed) implements Shrinkable<MatmulCase> {

    /** Products larger than this many multiply-adds are not generated: the oracle must stay fast. */
    static final long MAX_MULTIPLY_ADDS = 1L << 20;

    /** Normalises {@code rightShared}: with no leading dimensions there is nothing to share across. */
    public MatmulCase {
        leading = List.copyOf(leading);
        Objects.requireNonNull(operand, "operand");
        rightShared = rightShared && !leading.isEmpty();
    }

    /**
     * {@code count} random cases with right operand {@code operand}, smallest first, always
     * starting with a few edge cases (1×1, K = 0, M = 0, tile edges, a shared right operand).
     */
    public static List<MatmulCase> random(long seed, int count, RightOperand operand) {
        SplittableRandom random = new SplittableRandom(seed);
        return Sizes.smallestFirst(count, List.of(
                new MatmulCase(List.of(), 1, 1, 1, false, operand, seed),
                new MatmulCase(List.of(), 3, 0, 4, false, operand, seed + 1),
                new MatmulCase(List.of(2), 0, 5, 2, false, operand, seed + 2),
                new MatmulCase(List.of(2, 3), 7, 13, 31, true, operand, seed + 3),
                new MatmulCase(List.of(), 65, 129, 63, false, operand, seed + 4)),
                () -> new MatmulCase(Sizes.leading(random), Sizes.dimension(random, true), Sizes.dimension(random, true),
                        Sizes.dimension(random, true), random.nextBoolean(), operand, random.nextLong()),
                MatmulCase::multiplyAdds, MAX_MULTIPLY_ADDS);
    }

    /** {@code [..., M, K]}. */
    public int[] leftShape() {
        return Sizes.shape(leading, m, k);
    }

    /** {@code [..., K, N]}, or {@code [..., N, K]} when transposed; rank 2 when shared. */
    public int[] rightShape() {
        List<Integer> rightLeading = rightShared ? List.of() : leading;
        return operand == RightOperand.AS_IS ? Sizes.shape(rightLeading, k, n) : Sizes.shape(rightLeading, n, k);
    }

    /** The left operand, N(0, 1) values. */
    public Tensor left() {
        return Tensor.randomNormal(seed, leftShape());
    }

    /** The right operand, N(0, 1) values independent of the left's. */
    public Tensor right() {
        return Tensor.randomNormal(~seed, rightShape());
    }

    /** The work of the product: batch · M · K · N. */
    public long multiplyAdds() {
        return Sizes.product(leading) * m * k * n;
    }

    @Override
    public Stream<MatmulCase> simpler() {
        return Stream.of(
                Sizes.smaller(leading).map(l -> new MatmulCase(l, m, k, n, rightShared, operand, seed)),
                Stream.of(rightShared).filter(shared -> shared)
                        .map(shared -> new MatmulCase(leading, m, k, n, false, operand, seed)),
                Sizes.smaller(m).map(s -> new MatmulCase(leading, s, k, n, rightShared, operand, seed)),
                Sizes.smaller(k).map(s -> new MatmulCase(leading, m, s, n, rightShared, operand, seed)),
                Sizes.smaller(n).map(s -> new MatmulCase(leading, m, k, s, rightShared, operand, seed)))
                .flatMap(s -> s);
    }

    /** For example {@code left [2, 7, 13] · right [31, 13] (transposed, shared), seed 5}. */
    @Override
    public String toString() {
        String how = (operand == RightOperand.TRANSPOSED ? "transposed" : "")
                + (operand == RightOperand.TRANSPOSED && rightShared ? ", " : "") + (rightShared ? "shared" : "");
        return "left " + Arrays.toString(leftShape()) + Agreement.valuesIfSmall(Sizes.product(leading) * m * k, this::left)
                + " · right " + Arrays.toString(rightShape()) + Agreement.valuesIfSmall((rightShared ? 1 : Sizes.product(leading)) * k * n, this::right)
                + (how.isEmpty() ? "" : " (" + how + ")") + ", seed " + seed;
    }
}
