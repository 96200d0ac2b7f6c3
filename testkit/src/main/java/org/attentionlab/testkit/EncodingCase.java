package org.attentionlab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One generated input for the {@link PositionalEncodingContract} laws: a length {@code T}, a
 * longer length {@code T' > T} (for laws that compare two lengths), a batch size {@code B}, and
 * the seed of any tensor the law adds encodings to. Shrinks towards {@code T = 0}, {@code T' = T + 1}
 * and {@code B = 1}.
 *
 * @param length  {@code T}, 0 to {@value #MAX_LENGTH} (or the encoding's maximum)
 * @param longer  {@code T'}, more than {@code T} and at most {@code limit}
 * @param batch   {@code B}, 1 to 3
 * @param limit   the longest length the encoding supports, as far as the laws go
 * @param seed    seed of the inputs
 */
record EncodingCase(int length, int longer, int batch, int limit, long seed) implements Shrinkable<EncodingCase> {

    /** The longest {@code T} generated (longer ones are checked once, in {@code encodingsAreTByD}). */
    static final int MAX_LENGTH = 40;

    /** {@code count} cases from {@code seed}, with lengths up to {@code limit}, the same on every run. */
    static List<EncodingCase> random(long seed, int count, int limit) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EncodingCase> cases = new ArrayList<>();
        for (int i = 0; i < ForAll.tries(count); i++) {
            int length = random.nextInt(Math.min(limit, MAX_LENGTH)); // < limit: room for a longer one
            int longer = length + 1 + random.nextInt(Math.min(limit - length, MAX_LENGTH));
            cases.add(new EncodingCase(length, longer, 1 + random.nextInt(3), limit, random.nextLong()));
        }
        return List.copyOf(cases);
    }

    @Override
    public Stream<EncodingCase> simpler() {
        Stream<EncodingCase> shorter = IntStream.of(0, length / 2, length - 1).filter(t -> t >= 0 && t < length)
                .distinct().mapToObj(t -> new EncodingCase(t, longer, batch, limit, seed));
        Stream<EncodingCase> lessLonger = Sizes.smaller(longer).filter(t -> t > length)
                .map(t -> new EncodingCase(length, t, batch, limit, seed));
        Stream<EncodingCase> fewer = IntStream.of(1, batch - 1).filter(b -> b >= 1 && b < batch).distinct()
                .mapToObj(b -> new EncodingCase(length, longer, b, limit, seed));
        return Stream.of(fewer, shorter, lessLonger).flatMap(s -> s);
    }

    /** For example {@code T=5 T'=9 B=2, seed 7}. */
    @Override
    public String toString() {
        return "T=" + length + " T'=" + longer + " B=" + batch + ", seed " + seed;
    }
}
