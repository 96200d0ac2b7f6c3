package org.attentionlab.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * One generated softmax: scores of shape {@code shape} ({@code [Tk]}, {@code [Tq, Tk]},
 * {@code [B, Tq, Tk]} or {@code [B, H, Tq, Tk]}), standard normal values times {@code magnitude},
 * and a mask of kind {@code maskKind}, all derived from {@code seed}.
 *
 * @param shape     the scores' shape, rank 1 to 4
 * @param maskKind  which mask to apply
 * @param magnitude scale of the scores: 1 is typical of attention, 1e4 tests overflow of exp
 * @param seed      seed of the scores and of any random mask
 */
public record SoftmaxCase(List<Integer> shape, MaskKind maskKind, float magnitude, long seed)
        implements Shrinkable<SoftmaxCase> {

    /** Cases with more score entries than this are not generated: the oracle must stay fast. */
    static final long MAX_ENTRIES = 1L << 16;

    /** The masks a case can carry; each is built to fit the case's shape. */
    public enum MaskKind {
        /** {@link Mask#none()}. */
        NONE,
        /** {@link Mask#causal()} (square scores only). */
        CAUSAL,
        /** {@link Mask#keyPadding} with a random length in {@code 1..Tk} per batch entry. */
        KEY_PADDING,
        /** Causal and key padding together, as in a padded decoder batch. */
        CAUSAL_AND_KEY_PADDING,
        /**
         * Key padding in which some batch entries (always the first) are empty sequences of length
         * 0: their queries attend to nothing.
         */
        KEY_PADDING_WITH_EMPTY_SEQUENCES,
        /** A random boolean matrix ({@link Mask#of}); some rows may allow nothing. */
        RANDOM,
        /** A random boolean matrix in which about a third of the rows, and always the first, allow nothing. */
        FULLY_MASKED_ROWS;

        /** True for the kinds that need as many queries as keys. */
        public boolean needsSquareScores() {
            return this == CAUSAL || this == CAUSAL_AND_KEY_PADDING;
        }

        /**
         * A mask of this kind for {@code batches} batch entries of {@code queries × keys} scores
         * (as {@link org.attentionlab.api.SoftmaxShape} counts them), random parts drawn from {@code random}.
         */
        Mask build(int batches, int queries, int keys, SplittableRandom random) {
            return switch (this) {
                case NONE -> Mask.none();
                case CAUSAL -> Mask.causal();
                case KEY_PADDING -> Mask.keyPadding(lengths(random, batches, keys));
                case CAUSAL_AND_KEY_PADDING -> Mask.causal().and(Mask.keyPadding(lengths(random, batches, keys)));
                case KEY_PADDING_WITH_EMPTY_SEQUENCES -> {
                    int[] lengths = lengths(random, batches, keys);
                    for (int b = 0; b < batches; b++) {
                        lengths[b] = b == 0 || random.nextInt(3) == 0 ? 0 : lengths[b];
                    }
                    yield Mask.keyPadding(lengths);
                }
                case RANDOM, FULLY_MASKED_ROWS -> matrixMask(random, batches, queries, keys, this == FULLY_MASKED_ROWS);
            };
        }

        private static int[] lengths(SplittableRandom random, int batches, int keys) {
            return IntStream.range(0, batches).map(b -> 1 + random.nextInt(keys)).toArray();
        }

        private static Mask matrixMask(SplittableRandom random, int batches, int queries, int keys,
                                       boolean maskSomeRows) {
            double density = new double[] {0.1, 0.5, 0.9}[random.nextInt(3)];
            boolean shared = batches == 1 || random.nextBoolean(); // exercise both Mask.of variants
            boolean[][][] allowed = new boolean[shared ? 1 : batches][queries][keys];
            for (int b = 0; b < allowed.length; b++) {
                for (int q = 0; q < queries; q++) {
                    boolean rowMasked = maskSomeRows && ((b == 0 && q == 0) || random.nextInt(3) == 0);
                    for (int k = 0; k < keys; k++) {
                        allowed[b][q][k] = !rowMasked && random.nextDouble() < density;
                    }
                }
            }
            return shared ? Mask.of(allowed[0]) : Mask.of(allowed);
        }
    }

    /** Copies {@code shape}. */
    public SoftmaxCase {
        shape = List.copyOf(shape);
    }

    /**
     * {@code count} random cases, each with a mask kind from {@code kinds} and a magnitude from
     * {@code magnitudes}, smallest first.
     */
    public static List<SoftmaxCase> random(long seed, int count, Set<MaskKind> kinds, float... magnitudes) {
        MaskKind[] kindArray = kinds.toArray(MaskKind[]::new);
        Arrays.sort(kindArray); // Set order is unspecified; the cases must not depend on it
        SplittableRandom random = new SplittableRandom(seed);
        return Sizes.smallestFirst(count, List.of(), () -> {
            MaskKind kind = kindArray[random.nextInt(kindArray.length)];
            int tq = Sizes.dimension(random, false);
            int tk = kind.needsSquareScores() ? tq : Sizes.dimension(random, false);
            boolean vector = random.nextInt(10) == 0;
            List<Integer> shape = vector
                    ? List.of(kind.needsSquareScores() ? 1 : tk)
                    : Arrays.stream(Sizes.shape(Sizes.leading(random), tq, tk)).boxed().toList();
            return new SoftmaxCase(shape, kind, magnitudes[random.nextInt(magnitudes.length)], random.nextLong());
        }, SoftmaxCase::entries, MAX_ENTRIES);
    }

    /** The scores' shape as an array. */
    public int[] shapeArray() {
        return shape.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The scores: N(0, 1) times {@code magnitude}. */
    public Tensor scores() {
        return Tensor.randomNormal(seed, shapeArray()).times(magnitude);
    }

    /** The mask, built for this shape (as {@link org.attentionlab.api.SoftmaxShape} counts batches, queries and keys). */
    public Mask mask() {
        int rank = shape.size();
        int keys = shape.get(rank - 1);
        int queries = rank >= 2 ? shape.get(rank - 2) : 1;
        int batches = rank >= 3 ? shape.get(0) : 1;
        return maskKind.build(batches, queries, keys, new SplittableRandom(~seed));
    }

    /** The number of scores. */
    public long entries() {
        return Sizes.product(shape);
    }

    @Override
    public Stream<SoftmaxCase> simpler() {
        int rank = shape.size();
        int keys = rank - 1;    // the axis of Tk
        int queries = rank - 2; // the axis of Tq, if rank ≥ 2
        List<Integer> leading = shape.subList(0, Math.max(queries, 0));
        Stream<SoftmaxCase> fewerDims = Sizes.smaller(leading).map(l -> with(
                Stream.concat(l.stream(), shape.subList(leading.size(), rank).stream()).toList(), magnitude));
        Stream<SoftmaxCase> smallerScores = magnitude == 1f ? Stream.empty() : Stream.of(with(shape, 1f));
        Stream<SoftmaxCase> fewerKeys = maskKind.needsSquareScores() && rank >= 2 // Tq and Tk shrink together
                ? Sizes.smaller(shape.get(keys)).map(t -> resized(queries, t).resized(keys, t))
                : Stream.concat(rank < 2 ? Stream.empty() : Sizes.smaller(shape.get(queries)).map(t -> resized(queries, t)),
                        Sizes.smaller(shape.get(keys)).map(t -> resized(keys, t)));
        return Stream.of(fewerDims, smallerScores, fewerKeys).flatMap(s -> s);
    }

    private SoftmaxCase with(List<Integer> newShape, float newMagnitude) {
        return new SoftmaxCase(newShape, maskKind, newMagnitude, seed);
    }

    /** This case with {@code size} entries along axis {@code axis} of the scores. */
    private SoftmaxCase resized(int axis, int size) {
        List<Integer> s = new ArrayList<>(shape);
        s.set(axis, size);
        return with(s, magnitude);
    }

    /** For example {@code scores [2, 7, 7] × 100, Mask.causal(), seed 5}. */
    @Override
    public String toString() {
        return "scores " + shape + (magnitude == 1f ? "" : " × " + magnitude) + Agreement.valuesIfSmall(entries(), this::scores)
                + ", " + mask() + ", seed " + seed;
    }
}
