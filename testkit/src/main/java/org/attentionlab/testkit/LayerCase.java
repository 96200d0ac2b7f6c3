package org.attentionlab.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;

/**
 * One generated input for the {@link AttentionLayerContract} laws: {@code B} sequences of
 * {@code Tq} queries and {@code Tk} keys/values (made by {@link AttentionLayerUnderTest#input}),
 * and a mask for scores {@code [B, ..., Tq, Tk]}, all derived from {@code seed}. For the
 * {@link PositionalEncodingContract} laws ({@link #forEncodings}), {@code B} sequences of length
 * {@code T = Tq} and a longer length {@code T' = Tk} to compare with.
 *
 * <p>Shrinks towards one batch entry and the shortest sequences the law allows, keeping
 * {@code Tq = Tk} for self-attention laws, {@code Tq ≠ Tk} for cross-attention laws and
 * {@code T < T'} for encodings.
 *
 * @param batch     {@code B}, 1 to 3
 * @param tq        {@code Tq}, 1 to {@value #MAX_LENGTH} ({@code T}, 0 to 40, for encodings)
 * @param tk        {@code Tk}, 1 to {@value #MAX_LENGTH} ({@code T'}, up to 40 more, for encodings)
 * @param maskKind  the mask the law applies (when it applies the case's mask)
 * @param pairing   whether the law needs {@code Tq = Tk}, {@code Tq ≠ Tk}, or either
 * @param minLength the shortest {@code Tq} and {@code Tk} the law needs (2 to reorder or to have a later position, 0 for encodings)
 * @param seed      seed of the inputs and the mask
 */
record LayerCase(int batch, int tq, int tk, MaskKind maskKind, Pairing pairing, int minLength, long seed)
        implements Shrinkable<LayerCase> {

    /** The longest sequence generated: attention is quadratic in it, and the laws are about structure, not size. */
    static final int MAX_LENGTH = 12;

    /** How the law relates the number of queries and keys. */
    enum Pairing {
        /** Self-attention: {@code Tq = Tk = T}. */
        SELF,
        /** Cross-attention: {@code Tq ≠ Tk}. */
        CROSS,
        /** Either. */
        ANY,
        /** An encoding's length {@code T = Tq} and a longer {@code T' = Tk}. */
        PREFIX
    }

    /**
     * {@code count} cases (or as many as {@code ForAll.tries} says) from {@code seed}, each with a mask
     * kind from {@code kinds} (kinds that need {@code Tq = Tk} only on self-attention cases), the
     * same on every run.
     */
    static List<LayerCase> random(long seed, int count, Pairing pairing, int minLength, MaskKind... kinds) {
        SplittableRandom random = new SplittableRandom(seed);
        return Sizes.drawn(ForAll.tries(count), () -> {
            int tq = length(random, minLength);
            int tk = pairing == Pairing.SELF ? tq : length(random, minLength);
            MaskKind kind = kinds[random.nextInt(kinds.length)];
            return new LayerCase(1 + random.nextInt(3), tq, tk, kind, pairing, minLength, random.nextLong());
        }, LayerCase::valid);
    }

    /** {@code count} encoding cases: {@code 0 ≤ T < T' ≤ limit}, {@code T < 40}, {@code T' ≤ T + 40}. */
    static List<LayerCase> forEncodings(long seed, int count, int limit) {
        SplittableRandom random = new SplittableRandom(seed);
        return Sizes.drawn(ForAll.tries(count), () -> {
            int length = random.nextInt(Math.min(limit, 40)); // < limit: room for a longer one
            int longer = length + 1 + random.nextInt(Math.min(limit - length, 40));
            return new LayerCase(1 + random.nextInt(3), length, longer, MaskKind.NONE, Pairing.PREFIX, 0, random.nextLong());
        }, c -> true);
    }

    private static int length(SplittableRandom random, int minLength) {
        return minLength + random.nextInt(MAX_LENGTH - minLength + 1);
    }

    /**
     * The queries {@code [B, ..., Tq, ·]}, keys and values {@code [B, ..., Tk, ·]}, made by
     * {@code under}, independent of each other.
     */
    QueryKeyValue inputs(AttentionLayerUnderTest under) {
        return new QueryKeyValue(under.input(seed, batch, tq), under.input(seed + 1, batch, tk),
                under.input(seed + 2, batch, tk));
    }

    /** A case's inputs, made once: a law changes some of them and calls the layer on both. */
    record QueryKeyValue(Tensor query, Tensor key, Tensor value) {
        AttentionResult forward(AttentionLayer layer, Mask mask) {
            return layer.forward(query, key, value, mask);
        }
    }

    /** Other inputs of the same shapes ({@code salt} tells them apart): what a law changes the inputs to. */
    Tensor other(AttentionLayerUnderTest under, int salt, int length) {
        return under.input(seed + 100 + salt, batch, length);
    }

    /** This case's mask, for scores {@code [B, ..., Tq, Tk]}. */
    Mask mask() {
        return maskKind.build(batch, tq, tk, new SplittableRandom(~seed));
    }

    AttentionResult forward(AttentionLayer layer, AttentionLayerUnderTest under) {
        return inputs(under).forward(layer, mask());
    }

    /** A position in {@code 0..n-1} chosen by the seed. */
    int position(int n) {
        return (int) Math.floorMod(seed, (long) n);
    }

    /** Key-padding lengths, one per batch entry, each in {@code 1..Tk-1} (so there is padding), chosen by the seed. */
    int[] paddedLengths() {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return IntStream.range(0, batch).map(b -> 1 + random.nextInt(tk - 1)).toArray();
    }

    private boolean valid() {
        boolean pairs = switch (pairing) {
            case SELF -> tq == tk;
            case CROSS -> tq != tk;
            case ANY -> true;
            case PREFIX -> tq < tk;
        };
        return pairs && tq >= minLength && tk >= minLength && (!maskKind.needsSquareScores() || tq == tk);
    }

    @Override
    public Stream<LayerCase> simpler() {
        List<LayerCase> options = new ArrayList<>(List.of(with(1, tq, tk), with(batch - 1, tq, tk)));
        if (pairing == Pairing.SELF || maskKind.needsSquareScores()) {
            Sizes.smaller(tq).forEach(t -> options.add(with(batch, t, t)));
        } else {
            options.add(with(batch, minLength, tk));
            Sizes.smaller(tq).forEach(t -> options.add(with(batch, t, tk)));
            Sizes.smaller(tk).forEach(t -> options.add(with(batch, tq, t)));
        }
        return options.stream().filter(c -> c.batch >= 1 && c.valid() && !c.equals(this)).distinct();
    }

    private LayerCase with(int b, int q, int k) {
        return new LayerCase(b, q, k, maskKind, pairing, minLength, seed);
    }

    /** For example {@code B=2 Tq=3 Tk=7, Mask.keyPadding[2, 5], seed 9}, or {@code B=2 T=5 T'=9, seed 7} for encodings. */
    @Override
    public String toString() {
        String lengths = pairing == Pairing.PREFIX ? "T=" + tq + " T'=" + tk
                : tq == tk && pairing == Pairing.SELF ? "T=" + tq : "Tq=" + tq + " Tk=" + tk;
        return "B=" + batch + " " + lengths + (maskKind == MaskKind.NONE ? "" : ", " + mask()) + ", seed " + seed;
    }

    /** The shape of {@code x}, for messages. */
    static String shape(Tensor x) {
        return Arrays.toString(x.shape());
    }
}
