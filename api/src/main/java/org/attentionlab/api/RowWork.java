package org.attentionlab.api;

/**
 * One kernel operation, checked and prepared (operands packed, masks looked at), whose output is a
 * stack of independent rows that can be computed in any grouping: what lets
 * {@code kernels-parallel} split any {@link SplittableKernel}'s work over threads with one
 * generic row-range task.
 *
 * <p>Rows are the output's rows: {@code batch · M} rows of {@code N} for a matmul
 * {@code [..., M, N]}, {@code rows} rows of {@code Tk} for a softmax, {@code batch · Tq} rows of
 * {@code Dv} for attention.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Preparation first:</b> a caller runs {@link #prepare} for every piece
 *       {@code 0..preparationPieces()-1}, on any threads and in any order, and waits for all of
 *       them before the first {@link #compute}; a piece asked for again is not run again. Most work has no pieces (prepared when made); a
 *       kernel that packs a large operand can share the packing out this way, so that a parallel
 *       kernel does not pack on one thread while the others wait. {@code compute} before every
 *       piece has run throws {@link IllegalStateException}, never computes on half-packed data.</li>
 *   <li>{@link #compute} writes exactly rows {@code rowFrom..rowTo-1} of the output (row-major,
 *       {@link #outputShape()}) and nothing else.</li>
 *   <li><b>Independent of the grouping:</b> a row's values are bit-for-bit the same whichever range
 *       it is computed in, so any split over any number of threads gives the same tensor.</li>
 *   <li><b>Thread-safety:</b> {@code compute} may run on many threads at once for disjoint ranges;
 *       scratch memory is local to each call.</li>
 * </ul>
 */
public interface RowWork {

    /** The shape of the tensor the rows make up. */
    int[] outputShape();

    /** The number of independent output rows. */
    int rows();

    /** About how many multiply-adds (or exponentials) one row costs: how a splitter sizes its pieces. */
    long costPerRow();

    /**
     * Rows that belong together, e.g. a tile's height: a splitter keeps ranges at multiples of it
     * (except the last), so that a piece is not smaller than the tile the kernel reuses. At least 1.
     */
    default int rowBlock() {
        return 1;
    }

    /** Independent pieces of preparation that {@link #prepare} runs; 0 (the default) if there are none. */
    default int preparationPieces() {
        return 0;
    }

    /**
     * Runs piece {@code piece} of the preparation, unless it has run already. Pieces write disjoint
     * memory, so they may run on different threads at once.
     *
     * @throws IndexOutOfBoundsException if {@code piece} is not in {@code 0..preparationPieces()-1}
     */
    default void prepare(int piece) {
        throw new IndexOutOfBoundsException("piece " + piece + " of " + preparationPieces());
    }

    /** Computes rows {@code rowFrom} (inclusive) to {@code rowTo} (exclusive) into {@code out}. */
    void compute(int rowFrom, int rowTo, TensorWriter out);

    /** The preparation and then all rows, on the calling thread: how a sequential kernel returns the result. */
    default Tensor computeAll() {
        for (int piece = 0; piece < preparationPieces(); piece++) {
            prepare(piece);
        }
        return Tensor.generate(outputShape(), out -> compute(0, rows(), out));
    }
}
