package org.attentionlab.kernels.blocked;

/**
 * The innermost piece of the blocked matrix product: one {@value #ROWS}×{@value #COLUMNS} tile of
 * C, summed over a stretch of K with the sixteen partial sums held in local variables, that is in
 * CPU registers, from the first multiply-add to the last.
 *
 * <h2>Why a register block</h2>
 * The naive inner loop {@code c += a[i][p] · b[p][j]} loads two floats for one multiply-add. Here
 * each step loads a column of four from the A panel and a row of four from the B panel (eight
 * floats) and does all {@code 4 × 4 = 16} multiply-adds between them: twice the arithmetic per
 * load, and no load or store of C at all inside the loop.
 *
 * <p><b>Why 4×4 and not larger.</b> An x86-64 core without AVX-512 has 16 floating-point registers;
 * 16 sums plus the 8 operands already exceed them a little, and 4×8 or 6×8 sums exceed them by far,
 * so the JIT spills sums to the stack. Measured on this machine (AMD EPYC, AVX2, JDK 17 and 25,
 * n = 512): 4×4 was the fastest of 2×8, 3×8, 4×4, 4×6, 4×8, 6×4, 6×8 and 8×4. The JIT does not turn
 * these scalar sums into SIMD instructions; the register reuse alone is what pays.
 *
 * <h2>Packed operands</h2>
 * Both operands come packed so that every load is the next float in memory: the A panel holds, for
 * each {@code p}, the four rows' {@code A[i][p]} side by side; the B panel the four columns'
 * {@code B[p][j]} side by side (see {@link PackedMatmul} and {@link PackedRightOperand}).
 *
 * <p>Each sum runs over {@code p = 0, 1, …, depth−1} in ascending order in float, whatever else is
 * in the tile: a tile's values do not depend on which rows or columns share it.
 */
final class MicroKernel {

    /** Rows of the tile: rows of A in one packed A panel. */
    static final int ROWS = 4;

    /** Columns of the tile: columns of B in one packed B panel. */
    static final int COLUMNS = 4;

    private MicroKernel() {
    }

    /**
     * {@code tile[r·4 + j] = Σ_{p < depth} a[aStart + p·4 + r] · b[bStart + p·4 + j]}: the 4×4
     * product of a packed A panel {@code [depth][4]} and a packed B panel {@code [depth][4]}.
     *
     * @param tile receives the 16 sums, row-major (Modified)
     */
    static void multiply(int depth, float[] a, int aStart, float[] b, int bStart, float[] tile) {
        // The loops this unrolls: for p < depth: for r < 4: for j < 4: tile[r][j] += A[r][p] * B[p][j]
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < depth; p++) {
            int ai = aStart + p * ROWS;     // A[0..3][p]
            int bi = bStart + p * COLUMNS;  // B[p][0..3]
            float a0 = a[ai];
            float a1 = a[ai + 1];
            float a2 = a[ai + 2];
            float a3 = a[ai + 3];
            float b0 = b[bi];
            float b1 = b[bi + 1];
            float b2 = b[bi + 2];
            float b3 = b[bi + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        tile[0] = c00;  tile[1] = c01;  tile[2] = c02;  tile[3] = c03;
        tile[4] = c10;  tile[5] = c11;  tile[6] = c12;  tile[7] = c13;
        tile[8] = c20;  tile[9] = c21;  tile[10] = c22; tile[11] = c23;
        tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
    }
}
