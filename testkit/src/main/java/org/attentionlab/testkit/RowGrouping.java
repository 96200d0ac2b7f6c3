package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.Tensor;

/** The check behind the {@link RowWorkLaws}: one {@link RowWork}, computed in different groupings. */
final class RowGrouping {

    /** What the writer holds before a range is computed, to see what {@code compute} wrote. */
    private static final float UNWRITTEN = -7.25e-31f;

    private RowGrouping() {
    }

    /**
     * Asserts that {@code work} has the output shape {@code shape}, and, computed all at once and in
     * random ranges (random sizes, random order), gives bit-for-bit the same tensor, a range writing
     * only its rows.
     */
    static void assertIndependent(String operation, RowWork work, int[] shape, long seed) {
        assertArrayEquals(shape, work.outputShape(), operation + "' output shape");
        int rows = work.rows();
        int size = Arrays.stream(work.outputShape()).reduce(1, (x, y) -> x * y);
        assertEquals(0, rows == 0 ? 0 : size % rows, operation + ": " + rows + " rows cannot tile "
                + Arrays.toString(work.outputShape()));
        int width = rows == 0 ? 0 : size / rows;
        float[] a = work.computeAll().toArray();
        List<int[]> ranges = randomRanges(rows, new Random(seed));
        float[] g = Tensor.generate(work.outputShape(), out -> ranges.forEach(r -> work.compute(r[0], r[1], out))).toArray();
        int differs = firstBitDifference(a, g);
        if (differs >= 0) {
            int row = differs / width;
            int[] range = ranges.stream().filter(r -> r[0] <= row && row < r[1]).findFirst().orElseThrow();
            fail(operation + ": row " + row + " computed in the range [" + range[0] + ", " + range[1] + ") is "
                    + g[differs] + " at column " + (differs % width) + ", but " + a[differs] + " when all " + rows + " rows are"
                    + " computed at once (ranges in the order computed: " + text(ranges) + ")");
        }
        for (int[] range : ranges.subList(0, Math.min(2, ranges.size()))) {
            float[] written = Tensor.generate(work.outputShape(), out -> {
                IntStream.range(0, out.size()).forEach(i -> out.set(i, UNWRITTEN));
                work.compute(range[0], range[1], out);
            }).toArray();
            for (int i = 0; i < written.length; i++) {
                int row = i / width;
                if ((row < range[0] || row >= range[1]) && written[i] != UNWRITTEN) {
                    fail(operation + ": computing rows [" + range[0] + ", " + range[1] + ") wrote row " + row);
                }
            }
        }
    }

    /**
     * Runs the preparation pieces of a fresh {@code work} in a random order (not 0, 1, 2, ...),
     * computes all its rows, and asserts they are bit for bit those of another fresh work's
     * {@link RowWork#computeAll}, which runs the pieces in order.
     */
    static void assertPreparedInAnyOrder(String operation, Supplier<RowWork> fresh, long seed) {
        float[] a = fresh.get().computeAll().toArray();
        RowWork work = fresh.get();
        List<Integer> ascending = IntStream.range(0, work.preparationPieces()).boxed().toList();
        List<Integer> order = new ArrayList<>(ascending);
        Collections.shuffle(order, new Random(seed));
        if (order.equals(ascending)) {
            Collections.reverse(order); // not the order computeAll uses, whenever there are 2 pieces or more
        }
        order.forEach(work::prepare);
        float[] b = Tensor.generate(work.outputShape(), out -> work.compute(0, work.rows(), out)).toArray();
        int i = firstBitDifference(a, b);
        if (i >= 0) {
            fail(operation + ": with its " + order.size() + " preparation pieces run in the order " + order
                    + ", element " + i + " is " + b[i] + ", but " + a[i] + " when they run in order");
        }
    }

    /** The first index where {@code a} and {@code b} (of one length) differ in any bit, or -1. */
    private static int firstBitDifference(float[] a, float[] b) {
        return IntStream.range(0, a.length).filter(i -> Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i]))
                .findFirst().orElse(-1);
    }

    /** A partition of {@code 0..rows-1} into ranges of random lengths, in random order. */
    private static List<int[]> randomRanges(int rows, Random random) {
        List<int[]> ranges = new ArrayList<>();
        int longest = Math.max(1, rows / 3);
        for (int from = 0; from < rows; ) {
            int to = Math.min(rows, from + 1 + random.nextInt(longest));
            ranges.add(new int[] {from, to});
            from = to;
        }
        Collections.shuffle(ranges, random);
        return ranges;
    }

    private static String text(List<int[]> ranges) {
        return ranges.stream().limit(8).map(r -> "[" + r[0] + ", " + r[1] + ")").collect(Collectors.joining(", "))
                + (ranges.size() > 8 ? ", ..." : "");
    }
}
