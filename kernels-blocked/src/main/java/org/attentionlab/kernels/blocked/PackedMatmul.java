package org.attentionlab.kernels.blocked;

import java.nio.FloatBuffer;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.Tensor;
import org.attentionlab.api.TensorWriter;

/**
 * The cache-blocked product {@code C = A·B} of a batched matmul, as rows: the naive triple loop,
 * cut into tiles that fit the caches, with both operands packed into the order the
 * {@link MicroKernel} reads them (the scheme of Goto and van de Geijn, 2008, and of BLIS).
 *
 * <h2>Why tile the naive loops</h2>
 * The naive loop {@code for i, for j, for p: C[i][j] += A[i][p]·B[p][j]} walks B down a column,
 * {@code N} floats per step, and sweeps all of B for every row of A: once B outgrows the cache,
 * every multiply-add waits for memory. The tiles below do the same sums so that each float is
 * loaded from memory once per block and then reused from the cache many times:
 * <ol>
 *   <li><b>Registers: a 4×4 tile of C</b> ({@link MicroKernel}) is summed over a stretch of
 *       {@value #DEPTH_BLOCK} values of p in local variables: 16 multiply-adds per 8 loads.</li>
 *   <li><b>L1: a B panel</b> of {@value #DEPTH_BLOCK}×4 floats is 4 KiB and is reused for all
 *       {@value #ROW_BLOCK}/4 = 32 row tiles of the row block while it sits in the L1 data cache
 *       (32 KiB per core as this VM reports it, 48 KiB on the AMD Zen 5 underneath), next to the
 *       4 KiB A panel streaming past it.</li>
 *   <li><b>L2: an A block</b> of {@value #ROW_BLOCK}×{@value #DEPTH_BLOCK} floats is 128 KiB,
 *       packed once and swept once per B panel from the L2 cache (512 KiB per core reported,
 *       1 MiB on Zen 5): a quarter of it, leaving room for the B panels passing through.</li>
 *   <li><b>L3/memory: B</b> is streamed once per row block, so each of its floats is loaded once
 *       for {@value #ROW_BLOCK} multiply-adds.</li>
 * </ol>
 * {@value #DEPTH_BLOCK} is also long enough that the micro-kernel's set-up and its 16 stores are
 * a few per cent of its work. Packing A costs {@code M·K} moves per product, B {@code K·N}
 * ({@link PackedRightOperand}, done once when the work is prepared), against {@code M·K·N}
 * multiply-adds.
 *
 * <h2>Same sums whatever the rows</h2>
 * Each {@code C[i][j]} is the float sum of the micro-kernel's partial sums over the depth blocks
 * in ascending order, each of which sums its {@code p} in ascending order; nothing depends on
 * which rows a call computes or which rows share a tile (padding rows and columns are zeros whose
 * products are thrown away). So any split of the rows, on any number of threads, gives the same
 * bits: what {@link RowWork} requires.
 */
final class PackedMatmul implements RowWork {

    /** Depth (values of p) of one packed panel: 256 · 4 floats = 4 KiB per A or B panel. */
    static final int DEPTH_BLOCK = 256;

    /** Rows of A packed together: 128 · 256 floats = 128 KiB, for L2. */
    static final int ROW_BLOCK = 128;

    private static final int MR = MicroKernel.ROWS;
    private static final int NR = MicroKernel.COLUMNS;

    private final MatmulShape shape;
    private final FloatBuffer left;          // A: [batch, M, K], read in place
    private final PackedRightOperand right;  // B: packed once, [matrices][N/4][K][4]

    /** Checks the shapes ({@link MatmulShape#of}) and packs the right operand. */
    PackedMatmul(Tensor left, Tensor right, RightOperand operand) {
        this.shape = MatmulShape.of(left, right, operand);
        this.left = left.values();
        this.right = PackedRightOperand.of(right, shape);
    }

    @Override
    public int[] outputShape() {
        return shape.outputShape(); // [..., M, N]
    }

    /** {@code batch · M}: row {@code e·M + i} is row i of batch entry e. */
    @Override
    public int rows() {
        return shape.batch() * shape.m();
    }

    @Override
    public long costPerRow() {
        return (long) shape.k() * shape.n();
    }

    /** A packed A block: a piece smaller than this would reload the B panels for few rows. */
    @Override
    public int rowBlock() {
        return ROW_BLOCK;
    }

    @Override
    public void compute(int rowFrom, int rowTo, TensorWriter out) {
        int m = shape.m();
        float[] aBlock = new float[ROW_BLOCK * DEPTH_BLOCK]; // packed A: [ROW_BLOCK/4][depth][4]
        float[] aRow = new float[DEPTH_BLOCK];               // one row of A, for packing
        float[] tile = new float[MR * NR];                   // the micro-kernel's 4×4 result
        for (int row = rowFrom; row < rowTo; ) {             // batch entry by batch entry
            int entry = row / m;
            int entryEnd = Math.min(rowTo, (entry + 1) * m);
            multiplyRows(entry, row - entry * m, entryEnd - entry * m, out, aBlock, aRow, tile);
            row = entryEnd;
        }
    }

    /** Rows {@code iFrom..iTo-1} of {@code C = A·B} for batch entry {@code entry}. */
    private void multiplyRows(int entry, int iFrom, int iTo, TensorWriter out, float[] aBlock, float[] aRow,
                              float[] tile) {
        int k = shape.k();
        int n = shape.n();
        float[] b = right.panels();
        if (k == 0) {                                    // an empty sum is 0: written, so every row is written
            float[] zeros = new float[n];
            for (int i = iFrom; i < iTo; i++) {
                out.put(shape.outputOffset(entry) + i * n, zeros, 0, n);
            }
            return;
        }

        // The naive loops that the blocks below cover piece by piece:
        //
        //   for (int i = iFrom; i < iTo; i++)
        //       for (int j = 0; j < n; j++)
        //           for (int p = 0; p < k; p++)
        //               C[i][j] += A[i][p] * B[p][j];
        for (int i0 = iFrom; i0 < iTo; i0 += ROW_BLOCK) {            // A block: rows i0..i0+rows, in L2
            int rows = Math.min(ROW_BLOCK, iTo - i0);
            for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {              // depth blocks in ascending order
                int depth = Math.min(DEPTH_BLOCK, k - p0);
                packLeft(entry, i0, rows, p0, depth, aBlock, aRow);
                for (int j0 = 0; j0 < n; j0 += NR) {                   // B panel: columns j0..j0+3, in L1
                    int bStart = right.panelStart(entry, j0 / NR, p0);
                    for (int r0 = 0; r0 < rows; r0 += MR) {            // A panel: rows i0+r0..+3
                        MicroKernel.multiply(depth, aBlock, r0 * depth, b, bStart, tile);
                        store(tile, out, shape.outputOffset(entry) + (i0 + r0) * n + j0,
                                Math.min(MR, rows - r0), Math.min(NR, n - j0), n, p0 == 0);
                    }
                }
            }
        }
    }

    /**
     * Copies {@code A[i0..i0+rows)[p0..p0+depth)} into {@code aBlock} as panels of 4 rows,
     * {@code aBlock[(r/4)·depth·4 + p·4 + r%4] = A[i0+r][p0+p]}; missing rows of the last panel are 0.
     */
    private void packLeft(int entry, int i0, int rows, int p0, int depth, float[] aBlock, float[] aRow) {
        int k = shape.k();
        int paddedRows = (rows + MR - 1) / MR * MR;
        for (int r = 0; r < paddedRows; r++) {
            int panel = (r / MR) * depth * MR + r % MR;
            if (r >= rows) {
                for (int p = 0; p < depth; p++) {
                    aBlock[panel + p * MR] = 0f;
                }
                continue;
            }
            left.get(shape.leftOffset(entry) + (i0 + r) * k + p0, aRow, 0, depth); // A[i0+r][p0..p0+depth)
            for (int p = 0; p < depth; p++) {
                aBlock[panel + p * MR] = aRow[p];
            }
        }
    }

    /** Writes (first depth block) or adds (later ones) the {@code rows × columns} part of {@code tile}. */
    private static void store(float[] tile, TensorWriter out, int start, int rows, int columns, int n, boolean first) {
        for (int r = 0; r < rows; r++) {
            int index = start + r * n;
            if (first) {
                out.put(index, tile, r * NR, columns);
            } else {
                for (int j = 0; j < columns; j++) {
                    out.add(index + j, tile[r * NR + j]);
                }
            }
        }
    }
}
