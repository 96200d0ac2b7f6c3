package org.attentionlab.testkit;

import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/**
 * Broken on purpose: a {@link SplittableKernel} whose {@link RowWork} hands out rows from a cursor
 * it keeps between calls, as if ranges always came in order. Right for {@code computeAll()} (so
 * every other law passes), wrong when rows are computed in another grouping.
 */
public final class StatefulRowsKernel extends BrokenRowsKernel {

    static final String ID = "test-stateful-rows";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RowWork rowsOf(Tensor result) {
        return new CursorRows(result);
    }

    /** Rows of a computed result, handed out in order whatever range is asked for. */
    private static final class CursorRows extends ResultRows {
        private int cursor; // the bug: state shared between compute calls

        CursorRows(Tensor result) {
            super(result);
        }

        @Override
        public void compute(int rowFrom, int rowTo, TensorWriter out) {
            float[] row = new float[width()];
            for (int r = rowFrom; r < rowTo; r++) {
                result.values().get(cursor++ % rows() * width(), row, 0, width());
                out.put(r * width(), row, 0, width());
            }
        }
    }
}
