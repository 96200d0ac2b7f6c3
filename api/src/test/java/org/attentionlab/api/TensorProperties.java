package org.attentionlab.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Laws of {@link Tensor}, each checked on {@value #TRIES} random cases: tensors of rank 1 to 4
 * with dimensions of 0 to 4, holding ordinary values mixed with NaN, infinities and -0. Every
 * case comes from its own fixed seed, and a failure names the seed that reproduces it.
 */
class TensorProperties {

    private static final int TRIES = 200;
    private static final long FIRST_SEED = 20_170_612L;
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f,
        Float.MAX_VALUE, -Float.MIN_VALUE};

    // ---------------------------------------------------------------- structure

    @Test
    void reshapeThenReshapeBackIsIdentity() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);
            int[] other = rearranged(random, t.shape());

            assertEquals(t, t.reshape(other).reshape(t.shape()), "via " + Arrays.toString(other));
            assertEquals(t, t.reshape(-1).reshape(t.shape()));
        });
    }

    @Test
    void reshapeKeepsTheValuesInRowMajorOrder() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);
            int[] other = rearranged(random, t.shape());

            assertArrayEquals(t.toArray(), t.reshape(other).toArray());
            assertArrayEquals(other, t.reshape(other).shape());
        });
    }

    @Test
    void transposeLastTwoTwiceIsIdentity() {
        forAll(random -> {
            Tensor t = tensor(random, 2, 4, true);

            assertEquals(t, t.transposeLastTwo().transposeLastTwo());
        });
    }

    @Test
    void transposeLastTwoSwapsTheLastTwoIndices() {
        forAll(random -> {
            Tensor t = tensor(random, 2, 4, true);
            Tensor transposed = t.transposeLastTwo();

            forEachIndex(t.shape(), index -> {
                int[] swapped = index.clone();
                swapped[index.length - 2] = index[index.length - 1];
                swapped[index.length - 1] = index[index.length - 2];
                assertEquals(t.get(index), transposed.get(swapped), Arrays.toString(index));
            });
        });
    }

    @Test
    void permuteThenInversePermuteIsIdentity() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);
            int[] axes = permutation(random, t.rank());
            int[] inverse = new int[axes.length];
            for (int i = 0; i < axes.length; i++) {
                inverse[axes[i]] = i;
            }

            assertEquals(t, t.permute(axes).permute(inverse), "axes " + Arrays.toString(axes));
        });
    }

    @Test
    void permuteMovesEachElementToItsPermutedIndex() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);
            int[] axes = permutation(random, t.rank());
            Tensor p = t.permute(axes);

            forEachIndex(p.shape(), index -> {
                int[] source = new int[index.length];
                for (int i = 0; i < axes.length; i++) {
                    source[axes[i]] = index[i];
                }
                assertEquals(t.get(source), p.get(index), Arrays.toString(index));
            });
        });
    }

    @Test
    void transposeLastTwoIsPermuteOfTheLastTwoAxes() {
        forAll(random -> {
            Tensor t = tensor(random, 2, 4, true);
            int[] axes = new int[t.rank()];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
            axes[t.rank() - 2] = -1;
            axes[t.rank() - 1] = -2;

            assertEquals(t.permute(axes), t.transposeLastTwo());
        });
    }

    @Test
    void sliceLastThenConcatLastRestoresTheTensor() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);
            int last = t.dim(-1);
            int[] cuts = {random.nextInt(last + 1), random.nextInt(last + 1)};
            Arrays.sort(cuts);

            List<Tensor> parts = List.of(t.sliceLast(0, cuts[0]), t.sliceLast(cuts[0], cuts[1]),
                    t.sliceLast(cuts[1], last));

            assertEquals(t, Tensor.concatLast(parts), "cut at " + Arrays.toString(cuts));
        });
    }

    @Test
    void concatLastThenSliceLastGivesBackEachPart() {
        forAll(random -> {
            int[] leading = shape(random, 0, 3);
            List<Tensor> parts = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                int[] s = Arrays.copyOf(leading, leading.length + 1);
                s[leading.length] = random.nextInt(4);
                parts.add(Tensor.fromArray(values(random, Tensor.sizeOf(s), true), s));
            }

            Tensor joined = Tensor.concatLast(parts);

            int from = 0;
            for (Tensor part : parts) {
                int to = from + part.dim(-1);
                assertEquals(part, joined.sliceLast(from, to));
                from = to;
            }
            assertEquals(from, joined.dim(-1));
        });
    }

    @Test
    void toMatrixThenOfRestoresTheMatrix() {
        forAll(random -> {
            int rows = 1 + random.nextInt(4);
            int cols = random.nextInt(5);
            Tensor t = Tensor.fromArray(values(random, rows * cols, true), rows, cols);

            assertEquals(t, Tensor.of(t.toMatrix()));
        });
    }

    @Test
    void equalTensorsHaveEqualHashCodes() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);
            Tensor copy = Tensor.fromArray(t.toArray(), t.shape());

            assertEquals(t, copy);
            assertEquals(t.hashCode(), copy.hashCode());
        });
    }

    @Test
    void toStringEndsWithTheShape() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);
            String text = t.toString();

            assertTrue(text.startsWith("tensor("), text);
            assertTrue(text.endsWith(", shape=" + Arrays.toString(t.shape()) + ")"), text);
        });
    }

    // ---------------------------------------------------------------- arithmetic

    @Test
    void plusIsCommutative() {
        forAll(random -> {
            Tensor a = tensor(random, 1, 4, true);
            Tensor b = Tensor.fromArray(values(random, a.size(), true), a.shape());

            assertEquals(a.plus(b), b.plus(a));
        });
    }

    @Test
    void plusOfATrailingPartEqualsPlusOfItsRepetition() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);
            int[] shape = t.shape();
            int[] suffix = Arrays.copyOfRange(shape, random.nextInt(shape.length + 1), shape.length);
            float[] part = values(random, Tensor.sizeOf(suffix), true);
            float[] repeated = new float[t.size()];
            for (int start = 0; start < repeated.length; start += part.length) {
                System.arraycopy(part, 0, repeated, start, part.length);
            }

            assertEquals(t.plus(Tensor.fromArray(repeated, shape)), t.plus(Tensor.fromArray(part, suffix)),
                    "suffix " + Arrays.toString(suffix));
        });
    }

    @Test
    void plusZerosChangesNoValue() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, false);

            assertTrue(t.plus(Tensor.zeros(t.shape())).allClose(t, 0, 0));
        });
    }

    @Test
    void timesTwoEqualsPlusItself() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);

            assertEquals(t.plus(t), t.times(2f));
        });
    }

    @Test
    void timesOneIsIdentity() {
        forAll(random -> {
            Tensor t = tensor(random, 1, 4, true);

            assertEquals(t, t.times(1f));
        });
    }

    // ---------------------------------------------------------------- comparison

    @Test
    void allCloseIsReflexiveWithoutNan() {
        forAll(random -> {
            float[] v = values(random, 12, true);
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.isNaN(v[i]) ? 1f : v[i];
            }
            Tensor t = Tensor.fromArray(v, 3, 4);

            assertTrue(t.allClose(t, 0, 0));
        });
    }

    @Test
    void allCloseHoldsExactlyUpToTheMaxAbsDifference() {
        forAll(random -> {
            Tensor a = tensor(random, 1, 4, false);
            Tensor b = Tensor.fromArray(values(random, a.size(), false), a.shape());
            double d = a.maxAbsDifference(b);

            assertTrue(a.allClose(b, 0, d), "atol " + d);
            if (d > 0) {
                assertFalse(a.allClose(b, 0, Math.nextDown(d)), "atol just below " + d);
            }
        });
    }

    @Test
    void maxAbsDifferenceIsSymmetric() {
        forAll(random -> {
            Tensor a = tensor(random, 1, 4, true);
            Tensor b = Tensor.fromArray(values(random, a.size(), true), a.shape());

            assertEquals(a.maxAbsDifference(b), b.maxAbsDifference(a));
        });
    }

    // ---------------------------------------------------------------- random factories

    @Test
    void sameSeedGivesTheSameRandomTensor() {
        forAll(random -> {
            long seed = random.nextLong();
            int[] shape = shape(random, 1, 3);

            assertEquals(Tensor.randomNormal(seed, shape), Tensor.randomNormal(seed, shape));
            assertEquals(Tensor.randomUniform(seed, -1f, 1f, shape), Tensor.randomUniform(seed, -1f, 1f, shape));
        });
    }

    @Test
    void randomUniformStaysInItsRange() {
        forAll(random -> {
            float low = (float) random.nextDouble(-1e6, 1e6);
            float high = switch (random.nextInt(3)) {
                case 0 -> Math.nextUp(low);                             // one float wide
                case 1 -> low + Math.ulp(low) * (1 + random.nextInt(8)); // a few floats wide
                default -> low + (float) random.nextDouble(1e-3, 1e6);
            };
            high = Math.max(high, Math.nextUp(low));

            for (float v : Tensor.randomUniform(random.nextLong(), low, high, 64).toArray()) {
                assertTrue(v >= low && v < high, v + " outside [" + low + ", " + high + ")");
            }
        });
    }

    // ---------------------------------------------------------------- generators

    /** Runs {@code law} on {@value #TRIES} cases, naming the seed of a case that fails. */
    private static void forAll(Consumer<SplittableRandom> law) {
        for (int i = 0; i < TRIES; i++) {
            long seed = FIRST_SEED + i;
            try {
                law.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("falsified by the case with seed " + seed + ": " + e, e);
            }
        }
    }

    private static Tensor tensor(SplittableRandom random, int minRank, int maxRank, boolean special) {
        int[] shape = shape(random, minRank, maxRank);
        return Tensor.fromArray(values(random, Tensor.sizeOf(shape), special), shape);
    }

    /** Dimensions of 0 to 4, with 0 about one time in ten. */
    private static int[] shape(SplittableRandom random, int minRank, int maxRank) {
        int[] shape = new int[minRank + random.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(4);
        }
        return shape;
    }

    /** Ordinary values, and with {@code special} about one in ten from {@link #SPECIAL}. */
    private static float[] values(SplittableRandom random, int size, boolean special) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = special && random.nextInt(10) == 0
                    ? SPECIAL[random.nextInt(SPECIAL.length)]
                    : (float) random.nextDouble(-100, 100);
        }
        return values;
    }

    /** Another shape with as many elements: the dimensions shuffled, some merged, ones added. */
    private static int[] rearranged(SplittableRandom random, int[] shape) {
        List<Integer> dims = new ArrayList<>();
        for (int axis : permutation(random, shape.length)) {
            dims.add(shape[axis]);
        }
        while (dims.size() > 1 && random.nextBoolean()) {
            dims.add(dims.remove(0) * dims.remove(0));
        }
        if (random.nextBoolean()) {
            dims.add(random.nextInt(dims.size() + 1), 1);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] permutation(SplittableRandom random, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = p[i];
            p[i] = p[j];
            p[j] = swap;
        }
        return p;
    }

    private static void forEachIndex(int[] shape, Consumer<int[]> action) {
        int size = Tensor.sizeOf(shape);
        int[] index = new int[shape.length];
        for (int n = 0; n < size; n++) {
            action.accept(index.clone());
            for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
    }
}
