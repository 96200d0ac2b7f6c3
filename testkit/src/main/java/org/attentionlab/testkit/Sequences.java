package org.attentionlab.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * Operations along the sequence axis of a tensor {@code [B, ..., T, W]}: the second-to-last axis
 * {@code T} (queries, keys or values), the first axis the batch {@code B} (rank 2 counts as one batch
 * entry, as masks count it). The attention laws reorder, cut and replace positions with these;
 * they are public for anyone writing further laws about sequences.
 */
public final class Sequences {

    private Sequences() {
    }

    /** Row {@code i} of every {@code [T, W]} block of the result is row {@code order[i]} of {@code x}'s. */
    public static Tensor reorder(Tensor x, int[] order) {
        int t = x.dim(-2);
        int w = x.dim(-1);
        float[] in = x.toArray();
        float[] out = new float[in.length];
        for (int block = 0; block * t * w < in.length; block++) {
            for (int i = 0; i < t; i++) {
                System.arraycopy(in, (block * t + order[i]) * w, out, (block * t + i) * w, w);
            }
        }
        return Tensor.fromArray(out, x.shape());
    }

    /** Column {@code j} of the result is column {@code order[j]} of {@code x}, along the last axis (the keys of weights). */
    public static Tensor reorderLast(Tensor x, int[] order) {
        return reorder(x.transposeLastTwo(), order).transposeLastTwo();
    }

    /** Rows {@code from..to-1} of every {@code [T, W]} block: {@code [B, ..., T, W] -> [B, ..., to - from, W]}. */
    public static Tensor rows(Tensor x, int from, int to) {
        int t = x.dim(-2);
        int w = x.dim(-1);
        float[] in = x.toArray();
        int blocks = t * w == 0 ? 0 : in.length / (t * w);
        float[] out = new float[blocks * (to - from) * w];
        for (int block = 0; block < blocks; block++) {
            System.arraycopy(in, (block * t + from) * w, out, block * (to - from) * w, (to - from) * w);
        }
        int[] shape = x.shape();
        shape[shape.length - 2] = to - from;
        return Tensor.fromArray(out, shape);
    }

    /**
     * {@code x} with, in batch entry {@code b}, every row from {@code from[b]} on taken from
     * {@code other} (same shape): "change the future after position i", "change the padding".
     */
    public static Tensor replaceFrom(Tensor x, Tensor other, int[] from) {
        int t = x.dim(-2);
        int w = x.dim(-1);
        float[] out = x.toArray();
        float[] replacement = other.toArray();
        int batches = Mask.batchesOf(x.shape());
        int blocksPerBatch = out.length / Math.max(1, t * w) / Math.max(1, batches);
        for (int block = 0; block * t * w < out.length; block++) {
            int start = (block * t + from[block / blocksPerBatch]) * w;
            int end = (block + 1) * t * w;
            System.arraycopy(replacement, start, out, start, Math.max(0, end - start));
        }
        return Tensor.fromArray(out, x.shape());
    }

    /** A seeded random order of {@code 0..n-1} (Fisher-Yates) that is never the identity for n ≥ 2. */
    public static int[] shuffled(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        if (n >= 2 && Arrays.equals(order, IntStream.range(0, n).toArray())) { // the identity
            order[0] = 1;
            order[1] = 0;
        }
        return order;
    }
}
