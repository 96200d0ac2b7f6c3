package org.attentionlab.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.ForAll;
import org.attentionlab.testkit.Shrinkable;

/**
 * One generated input for the attention laws: the sizes, and the seed of every random tensor and
 * weight drawn for it. Self-attention laws use {@code Tq} as the sequence length T and ignore
 * {@code Tk}; cross-attention laws use both. Shrinks towards one batch entry, one head, and the
 * shortest sequences the law allows.
 *
 * @param minLength the smallest T a law needs (e.g. 2 to permute or to have a "later" position)
 */
record AttentionCase(long seed, int batch, int tq, int tk, int heads, int dk, int minLength)
        implements Shrinkable<AttentionCase> {

    static final int MAX_LENGTH = 12;

    /** {@code tries} cases from {@code seed} (a law passes {@code ForAll.seed()}, derived from its method), the same on every run. */
    static List<AttentionCase> random(long seed, int tries, int minLength) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AttentionCase> cases = new ArrayList<>();
        for (int i = 0; i < ForAll.tries(tries); i++) {
            cases.add(new AttentionCase(random.nextLong(), 1 + random.nextInt(3),
                    minLength + random.nextInt(MAX_LENGTH - minLength + 1),
                    minLength + random.nextInt(MAX_LENGTH - minLength + 1),
                    1 + random.nextInt(4), 1 + random.nextInt(6), minLength));
        }
        return cases;
    }

    /** Model width D = H · Dk. */
    int dModel() {
        return heads * dk;
    }

    /** A random multi-head layer of this case's sizes. */
    MultiHeadAttention layer(org.attentionlab.api.Kernel kernel) {
        return MultiHeadAttention.initialized(kernel, dModel(), heads, Bias.ZEROS, seed);
    }

    /** Random tokens {@code [B, length, D]}; {@code salt} tells apart tensors of one case. */
    Tensor tokens(int salt, int length) {
        return Tensor.randomNormal(seed + salt, batch, length, dModel());
    }

    @Override
    public Stream<AttentionCase> simpler() {
        return Stream.of(
                new AttentionCase(seed, 1, tq, tk, heads, dk, minLength),
                new AttentionCase(seed, batch, Math.max(minLength, tq / 2), tk, heads, dk, minLength),
                new AttentionCase(seed, batch, tq, Math.max(minLength, tk / 2), heads, dk, minLength),
                new AttentionCase(seed, batch, Math.max(minLength, tq - 1), tk, heads, dk, minLength),
                new AttentionCase(seed, batch, tq, Math.max(minLength, tk - 1), heads, dk, minLength),
                new AttentionCase(seed, batch, tq, tk, 1, dk, minLength),
                new AttentionCase(seed, batch, tq, tk, Math.max(1, heads - 1), dk, minLength),
                new AttentionCase(seed, batch, tq, tk, heads, 1, minLength),
                new AttentionCase(seed, batch, tq, tk, heads, Math.max(1, dk - 1), minLength))
                .filter(simpler -> !simpler.equals(this)).distinct();
    }

    @Override
    public String toString() {
        return "B=" + batch + " Tq=" + tq + " Tk=" + tk + " H=" + heads + " Dk=" + dk + " seed=" + seed;
    }
}
