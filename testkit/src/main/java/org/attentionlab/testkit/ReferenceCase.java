package org.attentionlab.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;

/**
 * One generated input for {@code agreesWithReferenceAttention}: {@code query [..., Tq, Dk]},
 * {@code key [..., Tk, Dk]} and {@code value [..., Tk, Dv]} with leading dimensions none,
 * {@code [B]} or {@code [B, H]}, and a mask for scores {@code [..., Tq, Tk]}.
 *
 * @param leading   the leading dimensions, e.g. {@code [B, H]}; may be empty
 * @param tq        {@code Tq}, 1 to {@value LayerCase#MAX_LENGTH}
 * @param tk        {@code Tk}, 1 to {@value LayerCase#MAX_LENGTH}
 * @param dk        {@code Dk}, the query and key width, 1 to 8
 * @param dv        {@code Dv}, the value width, 1 to 8 (not always {@code Dk}: a layer must not mix them up)
 * @param maskKind  the mask
 * @param magnitude scale of queries and keys: 1, or 3 for peaked weights
 * @param seed      seed of the tensors and the mask
 */
record ReferenceCase(List<Integer> leading, int tq, int tk, int dk, int dv, MaskKind maskKind, float magnitude,
                     long seed) implements Shrinkable<ReferenceCase> {

    /** Copies {@code leading}. */
    ReferenceCase {
        leading = List.copyOf(leading);
    }

    /** {@code count} cases with every mask kind, the same on every run. */
    static List<ReferenceCase> random(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        MaskKind[] kinds = MaskKind.values();
        List<ReferenceCase> cases = new ArrayList<>();
        while (cases.size() < count) {
            MaskKind kind = kinds[random.nextInt(kinds.length)];
            int tq = 1 + random.nextInt(LayerCase.MAX_LENGTH);
            int tk = kind.needsSquareScores() ? tq : 1 + random.nextInt(LayerCase.MAX_LENGTH);
            cases.add(new ReferenceCase(Sizes.leading(random), tq, tk, 1 + random.nextInt(8), 1 + random.nextInt(8),
                    kind, random.nextBoolean() ? 1f : 3f, random.nextLong()));
        }
        return List.copyOf(cases);
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

    /** The mask, for scores {@code [..., Tq, Tk]} (batch = first leading dimension, as kernels count it). */
    Mask mask() {
        int batches = leading.isEmpty() ? 1 : leading.get(0);
        return maskKind.build(batches, tq, tk, new SplittableRandom(~seed));
    }

    @Override
    public Stream<ReferenceCase> simpler() {
        boolean square = maskKind.needsSquareScores();
        return Stream.of(
                Sizes.smaller(leading).map(l -> new ReferenceCase(l, tq, tk, dk, dv, maskKind, magnitude, seed)),
                Stream.of(magnitude).filter(m -> m != 1f)
                        .map(m -> new ReferenceCase(leading, tq, tk, dk, dv, maskKind, 1f, seed)),
                Sizes.smaller(tq).map(t -> new ReferenceCase(leading, t, square ? t : tk, dk, dv, maskKind, magnitude,
                        seed)),
                square ? Stream.<ReferenceCase>empty()
                        : Sizes.smaller(tk).map(t -> new ReferenceCase(leading, tq, t, dk, dv, maskKind, magnitude, seed)),
                Sizes.smaller(dk).map(d -> new ReferenceCase(leading, tq, tk, d, dv, maskKind, magnitude, seed)),
                Sizes.smaller(dv).map(d -> new ReferenceCase(leading, tq, tk, dk, d, maskKind, magnitude, seed)))
                .flatMap(s -> s);
    }

    /** For example {@code query [2, 3, 5, 4], key [2, 3, 5, 4], value [2, 3, 5, 6] (Q, K × 3.0), Mask.causal(), seed 9}. */
    @Override
    public String toString() {
        return "query " + Arrays.toString(Sizes.shape(leading, tq, dk))
                + ", key " + Arrays.toString(Sizes.shape(leading, tk, dk))
                + ", value " + Arrays.toString(Sizes.shape(leading, tk, dv))
                + (magnitude == 1f ? "" : " (Q, K × " + magnitude + ")") + ", " + mask() + ", seed " + seed;
    }
}
