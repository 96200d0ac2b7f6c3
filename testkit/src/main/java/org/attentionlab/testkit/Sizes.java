package org.attentionlab.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The sizes the generators draw from, chosen to find tiling bugs rather than uniformly.
 *
 * <p>A blocked or vectorised kernel handles full tiles and a remainder; bugs live in the
 * remainder. So besides small sizes (1 to 8) and a uniform spread up to {@value #LARGEST}, a third
 * of the draws come from {@link #EDGES}: 1, primes (never a multiple of a tile or a vector width)
 * and the neighbours of common tile sizes (63, 64, 65, 127, 128, 129). Sizes stop at 130 so that
 * the oracle's triple loop stays fast enough to run every law in seconds.
 */
final class Sizes {

    /** The largest matrix dimension generated. */
    static final int LARGEST = 130;

    /** Sizes that sit on or next to tile boundaries, or are prime. */
    static final int[] EDGES = {1, 2, 7, 13, 31, 63, 64, 65, 67, 127, 128, 129};

    private Sizes() {
    }

    /** A matrix dimension: mostly ≥ 1, and 0 (an empty matrix or an empty sum) once in 25 draws if allowed. */
    static int dimension(SplittableRandom random, boolean allowZero) {
        if (allowZero && random.nextInt(25) == 0) {
            return 0;
        }
        int kind = random.nextInt(100);
        if (kind < 35) {
            return 1 + random.nextInt(8);
        }
        if (kind < 70) {
            return EDGES[random.nextInt(EDGES.length)];
        }
        return 9 + random.nextInt(LARGEST - 8);
    }

    /** Leading (batch, head) dimensions: none, [B] or [B, H], each 1 to 3. */
    static List<Integer> leading(SplittableRandom random) {
        return IntStream.range(0, random.nextInt(3)).mapToObj(i -> 1 + random.nextInt(3)).toList();
    }

    /**
     * Simpler values for a dimension {@code d}, biggest step first: 1, d/2, d − d/4, d − d/8 and
     * d − 1, each at least 1 and below d. The geometric steps let shrinking walk from 129 to a
     * boundary such as 65 in a few dozen runs instead of 64.
     */
    static Stream<Integer> smaller(int d) {
        return IntStream.of(1, d / 2, d - d / 4, d - d / 8, d - 1).filter(s -> s >= 1 && s < d).distinct().boxed();
    }

    /** Simpler leading dimensions: none, one fewer, or one of them set to 1. */
    static Stream<List<Integer>> smaller(List<Integer> leading) {
        Stream<List<Integer>> fewer = leading.isEmpty() ? Stream.empty()
                : Stream.of(List.of(), List.copyOf(leading.subList(0, leading.size() - 1)));
        Stream<List<Integer>> ones = IntStream.range(0, leading.size()).filter(i -> leading.get(i) > 1).mapToObj(i -> {
            List<Integer> one = new ArrayList<>(leading);
            one.set(i, 1);
            return List.copyOf(one);
        });
        return Stream.concat(fewer, ones).distinct();
    }

    /**
     * {@code count} cases, smallest {@code work} first: {@code first} (the edge cases every run
     * checks), then cases drawn by {@code next}, leaving out those whose work exceeds {@code budget}
     * (the oracle must stay fast).
     */
    static <C> List<C> smallestFirst(int count, List<C> first, Supplier<C> next, ToLongFunction<C> work, long budget) {
        List<C> cases = new ArrayList<>(first.subList(0, Math.min(count, first.size())));
        cases.addAll(drawn(count - cases.size(), next, c -> work.applyAsLong(c) <= budget));
        cases.sort(Comparator.comparingLong(work));
        return List.copyOf(cases);
    }

    /** {@code count} cases drawn by {@code next}, in the order drawn, leaving out those {@code keep} rejects. */
    static <C> List<C> drawn(int count, Supplier<C> next, Predicate<C> keep) {
        List<C> cases = new ArrayList<>();
        while (cases.size() < count) {
            C c = next.get();
            if (keep.test(c)) {
                cases.add(c);
            }
        }
        return List.copyOf(cases);
    }

    /** The product of {@code dims} (1 for none). */
    static long product(List<Integer> dims) {
        return dims.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
    }

    /** {@code leading} followed by {@code last}, as a shape array. */
    static int[] shape(List<Integer> leading, int... last) {
        return IntStream.concat(leading.stream().mapToInt(Integer::intValue), IntStream.of(last)).toArray();
    }
}
