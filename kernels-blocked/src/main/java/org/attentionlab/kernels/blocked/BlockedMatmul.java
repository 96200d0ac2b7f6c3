package org.attentionlab.kernels.blocked;

import java.util.Arrays;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * The cache-blocked matrix product {@code C = A·B} of one {@code [M, K]·[K, N]} pair, a range of
 * rows at a time, on flat row-major arrays.
 *
 * <h2>Why reorder and tile the naive loops</h2>
 * The naive loop {@code for i, for j, for k: C[i][j] += A[i][k]·B[k][j]} walks B down a column:
 * consecutive {@code k} are {@code N} floats apart, so every step touches a new cache line. Two
 * changes fix this without changing a single sum:
 * <ol>
 *   <li><b>Loop order i-k-j.</b> With {@code k} outside {@code j}, the innermost loop
 *       {@code C[i][j] += A[i][k]·B[k][j]} walks a row of B and a row of C, both contiguous,
 *       with {@code A[i][k]} held in a register. Contiguous, independent updates are also what
 *       the JIT compiles to SIMD instructions.</li>
 *   <li><b>Tiles.</b> Even in i-k-j order, a whole row of C and all of B are swept for every row
 *       of A; once B is larger than the cache, each row of A reloads B from memory. So the three
 *       loops are cut into tiles: a {@value #DEPTH_TILE}×{@value #COLUMN_TILE} tile of B is
 *       64·64·4 B = 16 KiB, which stays in a 32–48 KiB L1 data cache while it is used for all
 *       {@value #ROW_TILE} rows of a row tile; the matching 16 KiB tiles of A and C live in the
 *       L2 cache (256 KiB to 2 MiB on current cores). Together 48 KiB: small enough to leave
 *       room for everything else, large enough that loop overhead is negligible.</li>
 * </ol>
 *
 * <h2>Same sums, same order</h2>
 * Each {@code C[i][j]} is still accumulated in float over {@code k = 0, 1, …, K−1} in ascending
 * order: the {@code k} tiles are visited in order and nothing else touches {@code C[i][j]}. So the
 * value of an element does not depend on the tile sizes or on which row range a call computes —
 * which is what lets the parallel kernel split rows between threads and still get bit-for-bit
 * the same result as this single-threaded one.
 *
 * <h2>The transposed right operand</h2>
 * For {@code A·Bᵀ} with B stored {@code [N, K]} (attention's {@code Q·Kᵀ}), {@link #rightAsKByN}
 * copies B once into {@code [K, N]} order, so the same vectorisable i-k-j loop serves both cases.
 * The copy costs {@code K·N} moves against {@code M·K·N} multiply-adds. The alternative, a dot
 * product of two contiguous rows per {@code C[i][j]}, needs no copy but is a chain of dependent
 * float additions that the JIT may not reorder, so it cannot use SIMD.
 */
public final class BlockedMatmul {

    /** Rows of A and C in one tile: how many rows reuse a tile of B while it is in L1. */
    public static final int ROW_TILE = 64;

    /** Entries along K in one tile: rows of the B tile, columns of the A tile. */
    public static final int DEPTH_TILE = 64;

    /** Columns of B and C in one tile: the length of the innermost, contiguous loop. */
    public static final int COLUMN_TILE = 64;

    private BlockedMatmul() {
    }

    /**
     * The right operand's values in {@code [K, N]} row-major order for each of its matrices, as
     * {@link #multiplyRows} reads them: {@code right.toArray()} when stored as is, a transposed
     * copy of each {@code [N, K]} matrix when {@link RightOperand#TRANSPOSED}. Matrix {@code e}
     * starts at {@link MatmulShape#rightOffset(int) shape.rightOffset(e)} either way.
     */
    public static float[] rightAsKByN(Tensor right, MatmulShape shape) {
        float[] stored = right.toArray();
        if (shape.operand() == RightOperand.AS_IS) {
            return stored;
        }
        int k = shape.k();
        int n = shape.n();
        float[] kByN = new float[stored.length];
        int matrices = shape.rightShared() ? 1 : shape.batch();
        for (int e = 0; e < matrices; e++) {
            int offset = shape.rightOffset(e);
            for (int j = 0; j < n; j++) { // reads row j of the [N, K] matrix contiguously
                for (int kk = 0; kk < k; kk++) {
                    kByN[offset + kk * n + j] = stored[offset + j * k + kk];
                }
            }
        }
        return kByN;
    }

    /**
     * Computes rows {@code rowFrom} (inclusive) to {@code rowTo} (exclusive) of {@code C = A·B},
     * overwriting them; other rows of C are not touched.
     *
     * @param a       holds A {@code [M, K]} row-major, starting at {@code aOffset}
     * @param b       holds B {@code [K, N]} row-major, starting at {@code bOffset} (see {@link #rightAsKByN})
     * @param c       receives C {@code [M, N]} row-major, starting at {@code cOffset}
     * @param rowFrom first row of C to compute
     * @param rowTo   one past the last row of C to compute
     * @param k       the contracted dimension K (0 gives rows of zeros)
     * @param n       columns N of B and C
     */
    public static void multiplyRows(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                                    int rowFrom, int rowTo, int k, int n) {
        Arrays.fill(c, cOffset + rowFrom * n, cOffset + rowTo * n, 0f); // an empty sum is 0

        // The naive loops, reordered i-k-j, that the tiles below cover piece by piece:
        //
        //   for (int i = rowFrom; i < rowTo; i++)
        //       for (int kk = 0; kk < k; kk++)
        //           for (int j = 0; j < n; j++)
        //               C[i][j] += A[i][kk] * B[kk][j];
        for (int i0 = rowFrom; i0 < rowTo; i0 += ROW_TILE) {
            int iEnd = Math.min(i0 + ROW_TILE, rowTo);
            for (int k0 = 0; k0 < k; k0 += DEPTH_TILE) {       // k tiles in ascending order
                int kEnd = Math.min(k0 + DEPTH_TILE, k);
                for (int j0 = 0; j0 < n; j0 += COLUMN_TILE) {
                    int jEnd = Math.min(j0 + COLUMN_TILE, n);
                    // One tile: B[k0..kEnd)[j0..jEnd) is reused for every row i of the row tile.
                    for (int i = i0; i < iEnd; i++) {
                        int aRow = aOffset + i * k;
                        int cRow = cOffset + i * n;
                        for (int kk = k0; kk < kEnd; kk++) {
                            float aik = a[aRow + kk];
                            int bRow = bOffset + kk * n;
                            for (int j = j0; j < jEnd; j++) {   // contiguous in B and C
                                c[cRow + j] += aik * b[bRow + j];
                            }
                        }
                    }
                }
            }
        }
    }
}
