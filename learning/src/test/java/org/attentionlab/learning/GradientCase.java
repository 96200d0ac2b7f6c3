package org.attentionlab.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.Shrinkable;

/**
 * One generated case for the gradient laws: leading (batch, head) dimensions and three sizes, a
 * mask kind, the magnitude of the inputs and a seed. Each law reads the sizes as its operation
 * needs them (for a product {@code [M, K]·[K, N]}, for attention {@code Tq = m}, {@code Dk = k},
 * {@code Tk = n}). Sizes are 1 and primes (2, 3, 5, 7): never a multiple of anything, and small,
 * because finite differences run the forward twice per input element.
 *
 * @param leading   none, {@code [B]} or {@code [B, H]}, each 1 to 3
 * @param m         rows of the left operand, or {@code Tq}
 * @param k         the contracted size, or {@code Dk}
 * @param n         columns of the result, or {@code Tk}
 * @param maskKind  which mask the case carries (laws with masks only)
 * @param magnitude the inputs are N(0, 1) times this: 1 is typical, 30 gives large, saturating logits
 * @param seed      the seed of every value and random mask
 */
record GradientCase(List<Integer> leading, int m, int k, int n, MaskKind maskKind, float magnitude, long seed)
        implements Shrinkable<GradientCase> {

    private static final int[] SIZES = {1, 2, 3, 5, 7};
    private static final float[] MAGNITUDES = {1, 1, 3, 30};

    /** The masks a case can carry. */
    enum MaskKind {
        NONE,
        /** Query i sees keys 0..i (square cases only; other cases fall back to NONE). */
        CAUSAL,
        /** A random number of real keys per batch entry, 0 included: an empty sequence masks whole rows. */
        KEY_PADDING,
        /** A random pattern in which about a third of the rows, and always the first, allow nothing. */
        FULLY_MASKED_ROWS
    }

    GradientCase {
        leading = List.copyOf(leading);
    }

    /** {@code count} cases, smallest first. */
    static List<GradientCase> random(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GradientCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Integer> leading = new ArrayList<>();
            int rank = random.nextInt(3);
            for (int d = 0; d < rank; d++) {
                leading.add(1 + random.nextInt(3));
            }
            MaskKind kind = MaskKind.values()[random.nextInt(MaskKind.values().length)];
            int m = SIZES[random.nextInt(SIZES.length)];
            int n = kind == MaskKind.CAUSAL ? m : SIZES[random.nextInt(SIZES.length)];
            cases.add(new GradientCase(leading, m, SIZES[random.nextInt(SIZES.length)], n, kind,
                    MAGNITUDES[random.nextInt(MAGNITUDES.length)], random.nextLong()));
        }
        cases.sort(Comparator.comparingLong(GradientCase::size));
        return List.copyOf(cases);
    }

    /** The first leading dimension ({@code B}), 1 if there is none. */
    int batch() {
        return leading.isEmpty() ? 1 : leading.get(0);
    }

    /** The second leading dimension ({@code H}), 1 if there is none. */
    int heads() {
        return leading.size() < 2 ? 1 : leading.get(1);
    }

    /** {@code leading} followed by {@code last}. */
    int[] shape(int... last) {
        return IntStream.concat(leading.stream().mapToInt(Integer::intValue), IntStream.of(last)).toArray();
    }

    /** N(0, 1)·magnitude values of {@code shape}; {@code salt} makes the tensors of one case independent. */
    Tensor tensor(int salt, int... shape) {
        return Tensor.randomNormal(seed * 31 + salt, shape).times(magnitude);
    }

    /** N(0, 1) values of {@code shape}, whatever the magnitude: upstream gradients, weights. */
    Tensor unitTensor(int salt, int... shape) {
        return Tensor.randomNormal(seed * 31 + salt, shape);
    }

    /** The mask of this case for scores with {@code batches} mask batch entries of {@code queries × keys}. */
    Mask mask(int batches, int queries, int keys) {
        SplittableRandom random = new SplittableRandom(~seed);
        switch (maskKind) {
            case CAUSAL:
                return queries == keys ? Mask.causal() : Mask.none();
            case KEY_PADDING:
                return Mask.keyPadding(IntStream.range(0, batches).map(b -> random.nextInt(keys + 1)).toArray());
            case FULLY_MASKED_ROWS:
                boolean[][][] allowed = new boolean[batches][queries][keys];
                for (int b = 0; b < batches; b++) {
                    for (int q = 0; q < queries; q++) {
                        boolean rowMasked = (b == 0 && q == 0) || random.nextInt(3) == 0;
                        for (int j = 0; j < keys; j++) {
                            allowed[b][q][j] = !rowMasked && random.nextBoolean();
                        }
                    }
                }
                return Mask.of(allowed);
            default:
                return Mask.none();
        }
    }

    /** This case with inputs at most {@code limit} times the usual size. */
    GradientCase withMagnitudeAtMost(float limit) {
        return new GradientCase(leading, m, k, n, maskKind, Math.min(magnitude, limit), seed);
    }

    long size() {
        return leading.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b) * m * k * n;
    }

    @Override
    public Stream<GradientCase> simpler() {
        List<GradientCase> options = new ArrayList<>();
        if (!leading.isEmpty()) {
            options.add(new GradientCase(List.of(), m, k, n, maskKind, magnitude, seed));
            options.add(new GradientCase(leading.subList(0, leading.size() - 1), m, k, n, maskKind, magnitude, seed));
        }
        if (magnitude != 1) {
            options.add(new GradientCase(leading, m, k, n, maskKind, 1, seed));
        }
        if (maskKind != MaskKind.NONE) {
            options.add(new GradientCase(leading, m, k, n, MaskKind.NONE, magnitude, seed));
        }
        for (int s = 1; s < m; s++) {
            options.add(new GradientCase(leading, s, k, maskKind == MaskKind.CAUSAL ? s : n, maskKind, magnitude, seed));
        }
        for (int s = 1; s < k; s++) {
            options.add(new GradientCase(leading, m, s, n, maskKind, magnitude, seed));
        }
        for (int s = 1; s < n && maskKind != MaskKind.CAUSAL; s++) {
            options.add(new GradientCase(leading, m, k, s, maskKind, magnitude, seed));
        }
        return options.stream();
    }

    @Override
    public String toString() {
        return "leading " + leading + ", m=" + m + ", k=" + k + ", n=" + n + ", " + maskKind
                + (magnitude == 1 ? "" : " × " + magnitude) + ", seed " + seed;
    }
}
