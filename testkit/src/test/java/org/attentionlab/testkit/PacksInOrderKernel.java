package org.attentionlab.testkit;

import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/**
 * Broken on purpose: a {@link SplittableKernel} whose {@link RowWork} copies its result in
 * preparation pieces, but each piece continues reading where the previous one stopped, as if pieces
 * always came in order. Right for {@code computeAll()} (so every other law passes), wrong when the
 * pieces run in another order, as they do on several threads.
 */
public final class PacksInOrderKernel extends BrokenRowsKernel {

    static final String ID = "test-packs-in-order";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RowWork rowsOf(Tensor result) {
        return new PiecewiseCopy(result);
    }

    /** A computed result, copied in four pieces of rows before any row is handed out. */
    private static final class PiecewiseCopy extends ResultRows {
        private static final int PIECES = 4;
        private final float[] copy;
        private int cursor; // the bug: where the last piece stopped, shared between pieces

        PiecewiseCopy(Tensor result) {
            super(result);
            this.copy = new float[result.size()];
        }

        @Override
        public int preparationPieces() {
            return PIECES;
        }

        @Override
        public void prepare(int piece) {
            int length = (copy.length + PIECES - 1) / PIECES;
            int to = Math.min(copy.length, (piece + 1) * length);
            int from = Math.min(to, piece * length);
            result.values().get(cursor, copy, from, to - from); // should read from 'from'
            cursor += to - from;
        }

        @Override
        public void compute(int rowFrom, int rowTo, TensorWriter out) {
            out.put(rowFrom * width(), copy, rowFrom * width(), (rowTo - rowFrom) * width());
        }
    }
}
