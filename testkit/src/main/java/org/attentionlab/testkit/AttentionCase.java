package org.attentionlab.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;

/**
 * One generated attention call {@code softmax(scale · Q·Kᵀ, mask) · V}: {@code query [..., Tq, Dk]},
 * {@code key [..., Tk, Dk]} and {@code value [..., Tk, Dv]} with leading dimensions none,
 * {@code [B]} or {@code [B, H]}, a mask for the scores {@code [..., Tq, Tk]} and a scale.
 *
 * <p>Two size profiles: {@link #forLayers} (sequences up to 12, widths up to 8: the layer laws are
 * about structure) and {@link #forKernels} (sizes that are no multiple of any tile or vector
 * width, up to 129: where a fused kernel's remainder handling breaks).
 *
 * @param leading   the leading dimensions, e.g. {@code [B, H]}; may be empty
 * @param tq        {@code Tq}
 * @param tk        {@code Tk}
 * @param dk        {@code Dk}, the query and key width
 * @param dv        {@code Dv}, the value width (not always {@code Dk}: they must not be mixed up)
 * @param maskKind  the mask
 * @param scale     the scale applied to {@code Q·Kᵀ}
 * @param magnitude scale of queries and keys: 1, or 3 for peaked weights
 * @param seed      seed of the tensors and the mask
 */
record AttentionCase(List<Integer> leading, int tq, int tk, int dk, int dv, MaskKind maskKind, Scale scale,
                     float magnitude, long seed) implements Shrinkable<AttentionCase> {

    /** The scale of a case, named so that it follows {@code Dk} when a case shrinks. */
    enum Scale {
        /** The paper's {@code 1/√Dk}. */
        PAPER,
        /** 1: unscaled scores. */
        ONE,
        /** 0.1: flatter weights than the paper's. */
        TENTH;

        float of(int dk) {
            return switch (this) {
                case PAPER -> AttentionInputs.defaultScale(dk);
                case ONE -> 1f;
                case TENTH -> 0.1f;
            };
        }
    }

    /** Sizes for kernels: 1, 2, 3 and primes or neighbours of tile sizes, never a multiple of 8 but 1 and 2. */
    private static final int[] KERNEL_LENGTHS = {1, 2, 3, 7, 17, 31, 63, 65, 127, 129};

    /** Widths for kernels: smaller, since the work grows with T² · D. */
    private static final int[] KERNEL_WIDTHS = {1, 2, 3, 7, 17, 31, 65};

    /** Calls with more multiply-adds than this are not generated: the oracle must stay fast. */
    private static final long MAX_MULTIPLY_ADDS = 1L << 19;

    AttentionCase {
        leading = List.copyOf(leading);
    }

    /** {@code count} layer-sized cases (T ≤ 12, D ≤ 8) with every mask kind and the paper's scale. */
    static List<AttentionCase> forLayers(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        return Sizes.drawn(count, () -> {
            MaskKind kind = MaskKind.values()[random.nextInt(MaskKind.values().length)];
            int tq = 1 + random.nextInt(LayerCase.MAX_LENGTH);
            int tk = kind.needsSquareScores() ? tq : 1 + random.nextInt(LayerCase.MAX_LENGTH);
            return new AttentionCase(Sizes.leading(random), tq, tk, 1 + random.nextInt(8), 1 + random.nextInt(8),
                    kind, Scale.PAPER, random.nextBoolean() ? 1f : 3f, random.nextLong());
        }, c -> true);
    }

    /**
     * {@code count} kernel-sized cases, sizes from {@link #KERNEL_LENGTHS}, each with a mask kind
     * from {@code kinds} and any scale, smallest first; always among them the longest, one batch entry of Tq = Tk = 129.
     */
    static List<AttentionCase> forKernels(long seed, int count, MaskKind... kinds) {
        SplittableRandom random = new SplittableRandom(seed);
        // one case as long as the lengths go, [Tq = Tk = 129]: random draws within the budget reach
        // Tk >= 128 in only 7% of cases, and a bug at a later key tile's edge needs it
        SplittableRandom forLongest = new SplittableRandom(~seed);
        int longest = KERNEL_LENGTHS[KERNEL_LENGTHS.length - 1];
        AttentionCase longestCase = new AttentionCase(List.of(), longest, longest, 3, 5,
                kinds[forLongest.nextInt(kinds.length)], Scale.PAPER, 1f, forLongest.nextLong());
        return Sizes.smallestFirst(count, List.of(longestCase), () -> {
            MaskKind kind = kinds[random.nextInt(kinds.length)];
            int tq = KERNEL_LENGTHS[random.nextInt(KERNEL_LENGTHS.length)];
            int tk = kind.needsSquareScores() ? tq : KERNEL_LENGTHS[random.nextInt(KERNEL_LENGTHS.length)];
            return new AttentionCase(Sizes.leading(random), tq, tk,
                    KERNEL_WIDTHS[random.nextInt(KERNEL_WIDTHS.length)], KERNEL_WIDTHS[random.nextInt(KERNEL_WIDTHS.length)],
                    kind, Scale.values()[random.nextInt(Scale.values().length)], random.nextBoolean() ? 1f : 3f,
                    random.nextLong());
        }, AttentionCase::multiplyAdds, MAX_MULTIPLY_ADDS);
    }

    /** {@code [..., Tq, Dk]}, N(0, magnitude²). */
    Tensor query() {
        return Tensor.randomNormal(seed, Sizes.shape(leading, tq, dk)).times(magnitude);
    }

    /** {@code [..., Tk, Dk]}, N(0, magnitude²). */
    Tensor key() {
        return Tensor.randomNormal(seed + 1, Sizes.shape(leading, tk, dk)).times(magnitude);
    }

    /** {@code [..., Tk, Dv]}, N(0, 1). */
    Tensor value() {
        return Tensor.randomNormal(seed + 2, Sizes.shape(leading, tk, dv));
    }

    /** The mask, for scores {@code [..., Tq, Tk]} (batch = first leading dimension, as {@link Mask#batchesOf} counts it). */
    Mask mask() {
        int batches = leading.isEmpty() ? 1 : leading.get(0);
        return maskKind.build(batches, tq, tk, new SplittableRandom(~seed));
    }

    float scaleValue() {
        return scale.of(dk);
    }

    /** The whole call, as a kernel receives it. */
    AttentionInputs inputs() {
        return inputs(query(), key(), value());
    }

    /** The call with other tensors of the same shapes (e.g. poisoned values). */
    AttentionInputs inputs(Tensor query, Tensor key, Tensor value) {
        return AttentionInputs.of(query, key, value).withMask(mask()).withScale(scaleValue());
    }

    /**
     * The call with every key and value row that no query of its batch entry may attend to
     * replaced by NaN, +∞ or −∞ (taking turns): for the masked-values laws.
     */
    AttentionInputs withHiddenKeysPoisoned() {
        AttentionInputs clean = inputs();
        return inputs(clean.query(), poisoned(clean, clean.key()), poisoned(clean, clean.value()));
    }

    /** A key some query of flattened attention 0 may attend to, chosen by the seed; −1 if there is none. */
    int allowedKey() {
        AttentionInputs inputs = inputs();
        int start = (int) Math.floorMod(seed, (long) tk);
        return IntStream.range(0, tk).map(j -> (start + j) % tk).filter(key -> !hidden(inputs, 0, key)).findFirst().orElse(-1);
    }

    /** {@code x} ({@code [..., Tk, W]}, the keys or the values) poisoned at every hidden key. */
    private static Tensor poisoned(AttentionInputs inputs, Tensor x) {
        float[] poison = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] values = x.toArray();               // [batch, Tk, W]
        int tk = inputs.keys();
        int width = x.dim(-1);
        for (int e = 0; e < inputs.batch(); e++) {
            for (int key = 0; key < tk; key++) {
                for (int w = 0; w < width && hidden(inputs, e, key); w++) {
                    values[(e * tk + key) * width + w] = poison[(key + w) % poison.length];
                }
            }
        }
        return Tensor.fromArray(values, x.shape());
    }

    /** True if no query of flattened attention {@code e} may attend to {@code key}. */
    private static boolean hidden(AttentionInputs inputs, int e, int key) {
        return IntStream.range(0, inputs.queries()).noneMatch(i -> inputs.mask().allows(inputs.maskBatchOf(e), i, key));
    }

    /** The work of the call: batch · Tq · Tk · (Dk + Dv). */
    long multiplyAdds() {
        return Sizes.product(leading) * tq * tk * (dk + dv);
    }

    @Override
    public Stream<AttentionCase> simpler() {
        boolean square = maskKind.needsSquareScores();
        return Stream.of(
                Sizes.smaller(leading).map(l -> with(l, tq, tk, dk, dv, magnitude)),
                Stream.of(magnitude).filter(m -> m != 1f).map(m -> with(leading, tq, tk, dk, dv, 1f)),
                Sizes.smaller(tq).map(t -> with(leading, t, square ? t : tk, dk, dv, magnitude)),
                square ? Stream.<AttentionCase>empty() : Sizes.smaller(tk).map(t -> with(leading, tq, t, dk, dv, magnitude)),
                Sizes.smaller(dk).map(d -> with(leading, tq, tk, d, dv, magnitude)),
                Sizes.smaller(dv).map(d -> with(leading, tq, tk, dk, d, magnitude)))
                .flatMap(s -> s);
    }

    private AttentionCase with(List<Integer> l, int q, int k, int d, int v, float m) {
        return new AttentionCase(l, q, k, d, v, maskKind, scale, m, seed);
    }

    /** For example {@code query [2, 3, 5, 4], key [2, 3, 5, 4], value [2, 3, 5, 6] (Q, K × 3.0), Mask.causal(), scale 0.5, seed 9}. */
    @Override
    public String toString() {
        return "query " + Arrays.toString(Sizes.shape(leading, tq, dk))
                + ", key " + Arrays.toString(Sizes.shape(leading, tk, dk))
                + ", value " + Arrays.toString(Sizes.shape(leading, tk, dv))
                + (magnitude == 1f ? "" : " (Q, K × " + magnitude + ")") + ", " + mask()
                + (scale == Scale.PAPER ? "" : ", scale " + scaleValue()) + ", seed " + seed;
    }
}
