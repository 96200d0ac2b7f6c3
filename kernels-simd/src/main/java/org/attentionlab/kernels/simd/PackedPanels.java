package org.attentionlab.kernels.simd;

import static org.attentionlab.kernels.simd.MicroKernel.MR;
import static org.attentionlab.kernels.simd.MicroKernel.NR;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Copies of operands in the order {@link MicroKernel#multiplyAdd} reads them: what "packing" means
 * in BLAS libraries (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", 2008).
 *
 * <p>The right operand B {@code [K, N]} becomes panels of {@link MicroKernel#NR} columns, each
 * {@code [K][NR]} (row {@code p} of the panel is {@code B[p][j0 .. j0+NR)}); the left operand A
 * {@code [M, K]} becomes panels of {@link MicroKernel#MR} rows, each {@code [K][MR]} (column-major
 * within the panel). Both are padded with zeros to whole panels, so the micro-kernel never meets a
 * ragged edge: the padding rows and columns are computed and thrown away. Packing costs one pass
 * over each operand against {@code M·K·N} multiply-adds, and turns every access of the inner loop
 * into a contiguous, prefetchable stream.
 */
final class PackedPanels {

    private PackedPanels() {
    }

    /** {@code n} rounded up to a multiple of {@code step}. */
    static int roundUp(int n, int step) {
        return (n + step - 1) / step * step;
    }

    /** Floats that {@link #packRight} writes for a {@code [K, N]} operand: whole panels of {@code NR} columns. */
    static int rightSize(int k, int n) {
        return k * roundUp(n, NR);
    }

    /**
     * Packs panels {@code q0 .. q1-1} of B {@code [K, N]} (stored as is, {@code B[p][j]} at
     * {@code start + p·n + j}) into panels {@code [K][NR]}: panel {@code q} starts at
     * {@code dstOff + q·K·NR}. Padding columns of a last, ragged panel are left as they are
     * ({@code dst} is new, so zeros).
     */
    static void packRight(FloatBuffer b, int start, int k, int n, int q0, int q1, float[] dst, int dstOff) {
        for (int q = q0; q < q1; q++) {
            int width = Math.min(NR, n - q * NR);                   // NR, or fewer in the last panel
            int panel = dstOff + q * k * NR;
            for (int p = 0; p < k; p++) {
                b.get(start + p * n + q * NR, dst, panel + p * NR, width);   // B[p][q·NR .. +width)
            }
        }
    }

    /**
     * Packs panels {@code q0 .. q1-1} of Bᵀ, with B stored {@code [N, K]} ({@code B[j][p]} at
     * {@code start + j·k + p}), into the same panels as {@link #packRight} would make of the
     * {@code [K, N]} matrix: attention's Kᵀ without a transposed copy first. Padding columns are left
     * as they are ({@code dst} is new).
     */
    static void packRightTransposed(FloatBuffer b, int start, int k, int n, int q0, int q1, float[] dst, int dstOff) {
        float[] row = new float[k]; // row j of the stored [N, K] matrix: column j of Bᵀ
        for (int j = q0 * NR; j < Math.min(n, q1 * NR); j++) {
            b.get(start + j * k, row, 0, k);
            int panel = dstOff + (j / NR) * k * NR + j % NR;
            for (int p = 0; p < k; p++) {
                dst[panel + p * NR] = row[p];
            }
        }
    }

    /**
     * Packs {@code rows × kc} of a row-major matrix ({@code src[srcOff + r·ld + p]}) into
     * {@code ⌈rows/MR⌉} panels {@code [kc][MR]}, panel {@code t} at {@code t·kc·MR}; the rows that
     * pad the last panel are zeros.
     */
    static void packLeft(float[] src, int srcOff, int ld, int rows, int kc, float[] dst) {
        int padded = roundUp(rows, MR);
        for (int r = 0; r < padded; r++) {
            int panel = (r / MR) * kc * MR + r % MR;
            if (r >= rows) {
                for (int p = 0; p < kc; p++) {
                    dst[panel + p * MR] = 0f;
                }
                continue;
            }
            int from = srcOff + r * ld;
            for (int p = 0; p < kc; p++) {
                dst[panel + p * MR] = src[from + p];
            }
        }
    }

    /** Rows {@code r0 .. r0+rows} of a row-major {@code [·, width]} tensor, read into {@code dst} ({@code [rows, width]}). */
    static void readRows(FloatBuffer values, int r0, int rows, int width, int colFrom, int cols, float[] dst) {
        for (int r = 0; r < rows; r++) {
            values.get((r0 + r) * width + colFrom, dst, r * cols, cols);
        }
    }

    /** Zeros {@code length} floats from {@code from}. */
    static void clear(float[] a, int length) {
        Arrays.fill(a, 0, length, 0f);
    }
}
