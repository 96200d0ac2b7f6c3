package org.attentionlab.kernels.simd;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Keeps the preparation rule of {@link org.attentionlab.api.RowWork}: every piece runs once (asked
 * again, it is not run again), and all of them before any row is computed. The count of pieces still to run is atomic, so a thread
 * that sees it at zero also sees everything the pieces wrote, whichever threads ran them.
 */
final class PreparationPieces {

    private final AtomicIntegerArray ran; // 1 once piece p has started
    private final AtomicInteger left;     // pieces not finished yet

    PreparationPieces(int pieces) {
        this.ran = new AtomicIntegerArray(pieces);
        this.left = new AtomicInteger(pieces);
    }

    int count() {
        return ran.length();
    }

    /** Runs {@code body} as piece {@code piece}, unless that piece has run (or is running) already. */
    void run(int piece, Runnable body) {
        if (piece < 0 || piece >= ran.length()) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + ran.length());
        }
        if (ran.compareAndSet(piece, 0, 1)) {
            body.run();
            left.decrementAndGet();
        }
    }

    /** Throws unless every piece has finished. */
    void checkDone() {
        int notDone = left.get();
        if (notDone != 0) {
            throw new IllegalStateException(notDone + " of " + ran.length() + " preparation pieces have not"
                    + " finished: run prepare(piece) for each before compute (computeAll does)");
        }
    }
}
