package org.attentionlab.kernels.parallel;

import java.util.concurrent.RecursiveAction;
import org.attentionlab.api.RowWork;

/**
 * Runs pieces {@code from..to-1} of a {@link RowWork}'s preparation (for example packing column
 * panels of an operand), halving the range down to single pieces: the work sizes its pieces to be
 * worth a task each. Packing a large operand on one thread while the others wait would cap the
 * speed-up (Amdahl's law): at n = 1024 packing B is about a tenth of a one-thread matmul.
 */
@SuppressWarnings("serial") // ForkJoinTask is Serializable for historical reasons; these tasks are never serialized
final class PreparationTask extends RecursiveAction {

    private final RowWork work;
    private final int from;
    private final int to;

    PreparationTask(RowWork work, int from, int to) {
        this.work = work;
        this.from = from;
        this.to = to;
    }

    @Override
    protected void compute() {
        if (to - from == 1) {
            work.prepare(from);
        } else if (to - from > 1) {
            int middle = (from + to) >>> 1;
            invokeAll(new PreparationTask(work, from, middle), new PreparationTask(work, middle, to));
        }
    }
}
