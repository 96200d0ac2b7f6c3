package org.attentionlab.kernels.simd;

import static org.attentionlab.kernels.simd.MicroKernel.MR;
import static org.attentionlab.kernels.simd.MicroKernel.NR;

import java.nio.FloatBuffer;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/**
 * The batched product {@code C[..., i, j] = Σ_k A[..., i, k] · B[..., k, j]} as rows, in the
 * loop structure of GotoBLAS / BLIS around the {@link MicroKernel}.
 *
 * <h2>The loops, from the outside in</h2>
 * <pre>{@code
 * prepare:  pack all of B into panels [N/NR][K][NR]      (once per call, in pieces threads share)
 * for each block of MC rows of A                    // A block [MC, KC] = 120 KiB: stays in L2
 *   for each slice of KC along k, ascending         // keeps every sum in k order
 *     copy A[rows, slice] out of the tensor, row-major           // the micro-kernel reads it in place
 *     for each panel of NR columns of B             // B panel [KC, NR] = 16 or 32 KiB: stays in L1
 *       for each panel of MR rows of A              //   and is reused by all MC/MR row panels
 *         C[MR, NR] += A_panel · B_panel            // MicroKernel: C in 12 or 24 registers
 * }</pre>
 * <p>Sizes for the caches of current x86 cores (32–48 KiB L1d, 512 KiB–2 MiB L2 per core): a B
 * panel of {@code KC × NR} floats should fill at most about two thirds of L1 so that it survives
 * while the A panels stream past it: {@code KC} = {@value #KC} gives 16 KiB with 256-bit vectors
 * and 32 KiB with 512-bit ones (AVX-512 cores have 48 KiB of L1d). An A block of {@code MC} rows ×
 * KC is 120 KiB, inside L2 next to the block of C it updates. There is no third, column-block
 * loop (BLIS's NC for L3) because B is packed whole; at attention's sizes it is a few MiB at most.
 * On a Zen 5 core (AVX-512), KC = 128 with 120-row blocks was about 10% slower at n = 1024 (one
 * comparison on a noisy shared machine: a hint, not a law).
 *
 * <h2>Blocks for the cache, pieces for threads</h2>
 * Every block streams all of packed B through the cache once, so the larger the block, the less
 * often B is read: 120 rows instead of 60 took 4-10% off one thread's time at n = 2048 (three
 * paired JMH rounds on Zen 5; the same at n = 512 and 1024). A parallel kernel wants the
 * opposite, pieces small enough to share evenly between threads: on two threads, pieces of 60
 * rows were faster than pieces of 120 at n = 512 and 1024 in all three rounds. So a thread is
 * given pieces of {@value #THREAD_BLOCK} rows ({@link #rowBlock()}, no smaller: pieces of one
 * register tile would read B 10 or 5 times as often), and a range of {@value #MC} rows or more,
 * such as all of them on one thread, is computed in blocks of {@value #MC}.
 *
 * <h2>Rows in any grouping</h2>
 * Rows are the output's {@code batch · M} rows. A range of rows is cut at batch boundaries and into
 * blocks of at most MC; each element is {@code fma} over {@code k} ascending, starting from 0 (see
 * {@link MicroKernel}), so a row is bit for bit the same in any range.
 */
final class SimdMatmul implements RowWork {

    /** Rows of A per cache block: 20 register tiles of 6 rows, or 10 of 12. */
    static final int MC = 120;

    /** Rows in the smallest piece worth giving a thread: 10 register tiles of 6 rows, or 5 of 12. */
    static final int THREAD_BLOCK = 60;

    /** Length of a k slice: a B panel {@code [KC][NR]} is 16 KiB (256-bit) or 32 KiB (512-bit). */
    static final int KC = 256;

    /** Floats of B packed per preparation piece, at least: about 128 KiB, worth a task of its own. */
    static final int PACKED_PER_PIECE = 1 << 15;

    private final MatmulShape shape;
    private final FloatBuffer left;         // A: [batch, M, K], read in place
    private final FloatBuffer right;        // B: [batch or 1, K, N], or [.., N, K] if transposed
    private final RightOperand operand;
    private final float[] packedRight;      // B: per matrix, [N/NR][K][NR]
    private final int rightStride;          // floats per packed right matrix
    private final int colPanels;            // N/NR, rounded up
    private final int panelsPerPiece;       // column panels of B one preparation piece packs
    private final int piecesPerMatrix;
    private final PreparationPieces preparation;

    private SimdMatmul(MatmulShape shape, Tensor left, Tensor right, RightOperand operand) {
        this.shape = shape;
        this.left = left.values();
        this.right = right.values();
        this.operand = operand;
        int matrices = shape.rightShared() ? 1 : shape.batch();
        this.colPanels = PackedPanels.roundUp(shape.n(), NR) / NR;
        this.rightStride = PackedPanels.rightSize(shape.k(), shape.n());
        this.packedRight = new float[Math.multiplyExact(matrices, rightStride)]; // [matrices][N/NR][K][NR]
        this.panelsPerPiece = Math.max(1, PACKED_PER_PIECE / Math.max(1, shape.k() * NR));
        this.piecesPerMatrix = (colPanels + panelsPerPiece - 1) / panelsPerPiece;
        this.preparation = new PreparationPieces(matrices * piecesPerMatrix);
    }

    /** Checks the shapes; packing B is the preparation, in pieces of a few column panels. */
    static SimdMatmul prepare(Tensor left, Tensor right, RightOperand operand) {
        return new SimdMatmul(MatmulShape.of(left, right, operand), left, right, operand);
    }

    @Override
    public int preparationPieces() {
        return preparation.count();
    }

    /** Packs column panels {@code [q0, q1)} of one right matrix. */
    @Override
    public void prepare(int piece) {
        preparation.run(piece, () -> {
            int e = piece / piecesPerMatrix;                         // right matrix
            int q0 = piece % piecesPerMatrix * panelsPerPiece;
            int q1 = Math.min(q0 + panelsPerPiece, colPanels);
            if (operand == RightOperand.AS_IS) {
                PackedPanels.packRight(right, shape.rightOffset(e), shape.k(), shape.n(), q0, q1, packedRight, e * rightStride);
            } else {
                PackedPanels.packRightTransposed(right, shape.rightOffset(e), shape.k(), shape.n(), q0, q1,
                        packedRight, e * rightStride);
            }
        });
    }

    @Override
    public int[] outputShape() {
        return shape.outputShape();
    }

    @Override
    public int rows() {
        return shape.batch() * shape.m();
    }

    @Override
    public long costPerRow() {
        return (long) shape.k() * shape.n();
    }

    @Override
    public int rowBlock() {
        return THREAD_BLOCK; // a piece of fewer rows would still stream all of B once
    }

    @Override
    public void compute(int rowFrom, int rowTo, TensorWriter out) {
        preparation.checkDone();
        int m = shape.m();
        int k = shape.k();
        int n = shape.n();
        int kc = Math.min(KC, k);
        int blockRows = Math.min(MC, rowTo - rowFrom);               // a thread's piece may be a smaller block
        int paddedRows = PackedPanels.roundUp(blockRows, MR);        // the last register tile reads MR rows
        float[] aRows = new float[paddedRows * kc];                  // [block, KC]: rows of A for one slice
        float[] c = new float[paddedRows * colPanels * NR];          // [block/MR][N/NR][MR][NR]: C in register tiles
        for (int r0 = rowFrom; r0 < rowTo; ) {
            int e = r0 / m;                                          // batch entry
            int i0 = r0 % m;
            int i1 = Math.min(m, i0 + (rowTo - r0));                 // stay inside batch entry e
            for (int ib = i0; ib < i1; ib += blockRows) {
                int rows = Math.min(blockRows, i1 - ib);
                PackedPanels.clear(c, PackedPanels.roundUp(rows, MR) * colPanels * NR);
                multiplyBlock(e, ib, rows, aRows, c);
                for (int r = 0; r < rows; r++) {                     // tiles back to rows of C
                    int tile = (r / MR) * colPanels * MR * NR + (r % MR) * NR;
                    int to = shape.outputOffset(e) + (ib + r) * n;
                    for (int q = 0; q < colPanels; q++) {            // C[ib + r][q·NR .. +NR), the last panel cut at N
                        out.put(to + q * NR, c, tile + q * MR * NR, Math.min(NR, n - q * NR));
                    }
                }
            }
            r0 += i1 - i0;
        }
    }

    /**
     * {@code C[rows, N] = A[e][ib .. ib+rows, :] · B[e]} into {@code c}, cleared, as register tiles
     * {@code [rows/MR][N/NR][MR][NR]}: each tile is 384 contiguous bytes (with 8 lanes), where rows of a
     * row-major C, {@code N} floats apart, would fall into the same few cache sets whenever N is a
     * multiple of 1024 and evict each other.
     */
    private void multiplyBlock(int e, int ib, int rows, float[] aRows, float[] c) {
        int m = shape.m();
        int k = shape.k();
        int rowPanels = PackedPanels.roundUp(rows, MR) / MR;
        int right = shape.rightShared() ? 0 : e * rightStride;
        for (int p0 = 0; p0 < k; p0 += KC) {                        // k slices in ascending order
            int kc = Math.min(KC, k - p0);
            PackedPanels.readRows(left, e * m + ib, rows, k, p0, kc, aRows);  // A[rows, kc], row-major
            for (int q = 0; q < colPanels; q++) {
                int bPanel = right + (q * k + p0) * NR;             // B[p0 .. p0+kc)[q·NR .. +NR)
                for (int t = 0; t < rowPanels; t++) {               // A's MR rows read in place, kc apart
                    MicroKernel.multiplyAddRows(kc, aRows, t * MR * kc, kc, packedRight, bPanel,
                            c, (t * colPanels + q) * MR * NR, NR);
                }
            }
        }
    }
}
