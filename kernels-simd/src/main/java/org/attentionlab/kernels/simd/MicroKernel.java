package org.attentionlab.kernels.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked heart of every product in this kernel: {@code C[MR × NR] += A_panel · B_panel}
 * for one small tile of C held entirely in vector registers.
 *
 * <h2>Why a tile of registers</h2>
 * One fused multiply-add {@code c = a·b + c} needs three operands. If C lived in memory, every
 * multiply-add would also load and store C, and the loads, not the arithmetic, would set the speed.
 * So a tile of {@value #MR} rows × {@link #NR} columns ({@code NR} = 2 vectors) of C stays in
 * {@code MR · 2 = 12} vector registers for the whole sum over {@code k}. Each step {@code p} loads
 * 2 vectors of B (row {@code p} of the panel), broadcasts 6 scalars of A (column {@code p}), and
 * issues 12 independent FMAs: 12 FMAs per 8 loads, and 12 independent chains, enough to hide the
 * FMA latency (4-5 cycles, 2 per cycle on current x86 cores). 12 accumulators + 2 of B + 1
 * broadcast = 15 of the 16 AVX2 registers. AVX-512 has 32 registers, twice as wide: there the
 * tile has 12 rows ({@link TwelveRowTile}), the same loop with twice the rows.
 *
 * <h2>Why panels</h2>
 * The loop reads {@code A_panel} as {@code [k][MR]} and {@code B_panel} as {@code [k][NR]}, both
 * contiguous: the callers pack the operands into this layout once (see {@link PackedPanels}) so
 * that the innermost loop is pure streaming with no strides, no bounds per row and no tails.
 *
 * <h2>The species</h2>
 * {@link FloatVector#SPECIES_PREFERRED} is the widest vector the CPU runs well, chosen when the
 * JVM starts: 8 floats (256-bit) on AVX2, 16 (512-bit) where AVX-512 is enabled. Nothing here
 * assumes either; {@link #NR} follows from it, and so does {@link #MR}: a CPU with 512-bit vectors
 * has AVX-512's 32 registers.
 *
 * <h2>The same sum, whichever tile</h2>
 * Each {@code C[i][j]} is {@code fma(a_ik, b_kj, c)} for {@code k} ascending, one lane of one
 * register, whatever else is in the tile. So a row's values do not depend on which rows share its
 * tile, which is what {@link org.attentionlab.api.RowWork} promises.
 */
final class MicroKernel {

    /** The vector shape: the widest the CPU prefers. */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** Floats per vector: 8 on AVX2, 16 on AVX-512. */
    static final int LANES = SPECIES.length();

    /** Rows of the register tile: 6 with 16 vector registers, 12 with AVX-512's 32. */
    static final int MR = SPECIES.vectorBitSize() >= 512 ? TwelveRowTile.ROWS : 6;

    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * LANES;

    private MicroKernel() {
    }

    /** The species in words, for the kernel's description. */
    static String describe() {
        return SPECIES.vectorBitSize() + "-bit vectors (" + LANES + " floats), register tile " + MR + " × " + NR;
    }

    /**
     * {@code C[r][c] += Σ_{p < kc} A[p][r] · B[p][c]} for {@code r < MR}, {@code c < NR}, with A packed
     * as a panel {@code [kc][MR]}.
     *
     * <pre>{@code
     * // the loops this replaces:
     * for (p = 0; p < kc; p++)
     *     for (r = 0; r < MR; r++)
     *         for (c = 0; c < NR; c++)
     *             C[r][c] = fma(A[p][r], B[p][c], C[r][c]);
     * }</pre>
     *
     * @param a    A panel {@code [kc][MR]} starting at {@code aOff}; Not modified
     * @param b    B panel {@code [kc][NR]} starting at {@code bOff}; Not modified
     * @param c    C tile, row {@code r} at {@code cOff + r · ldc}, {@code NR} floats each; Modified
     * @param ldc  the distance between rows of C
     */
    static void multiplyAdd(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc) {
        multiplyAdd(kc, a, aOff, MR, 1, b, bOff, c, cOff, ldc);
    }

    /**
     * The same product with A's {@code MR} rows read where they are, row-major, {@code lda} floats
     * apart: {@code A[p][r]} is {@code a[aOff + r · lda + p]}. Attention's weights P come out of the
     * softmax as rows; reading them in place saves a packing pass per key tile, and broadcasting
     * a scalar costs the same from any address.
     */
    static void multiplyAddRows(int kc, float[] a, int aOff, int lda, float[] b, int bOff, float[] c, int cOff, int ldc) {
        multiplyAdd(kc, a, aOff, 1, lda, b, bOff, c, cOff, ldc);
    }

    /** The register tile, with {@code A[p][r]} at {@code a[aOff + p · aStep + r · aRow]}. */
    private static void multiplyAdd(int kc, float[] a, int aOff, int aStep, int aRow,
                                    float[] b, int bOff, float[] c, int cOff, int ldc) {
        if (MR == TwelveRowTile.ROWS) {
            TwelveRowTile.multiplyAdd(kc, a, aOff, aStep, aRow, b, bOff, c, cOff, ldc); // MR is a constant: one branch is compiled
            return;
        }
        int c1 = cOff + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        // the 6 × 2 tile of C: [6, NR] in 12 registers
        FloatVector c00 = FloatVector.fromArray(SPECIES, c, cOff);
        FloatVector c01 = FloatVector.fromArray(SPECIES, c, cOff + LANES);
        FloatVector c10 = FloatVector.fromArray(SPECIES, c, c1);
        FloatVector c11 = FloatVector.fromArray(SPECIES, c, c1 + LANES);
        FloatVector c20 = FloatVector.fromArray(SPECIES, c, c2);
        FloatVector c21 = FloatVector.fromArray(SPECIES, c, c2 + LANES);
        FloatVector c30 = FloatVector.fromArray(SPECIES, c, c3);
        FloatVector c31 = FloatVector.fromArray(SPECIES, c, c3 + LANES);
        FloatVector c40 = FloatVector.fromArray(SPECIES, c, c4);
        FloatVector c41 = FloatVector.fromArray(SPECIES, c, c4 + LANES);
        FloatVector c50 = FloatVector.fromArray(SPECIES, c, c5);
        FloatVector c51 = FloatVector.fromArray(SPECIES, c, c5 + LANES);
        int row1 = aRow;    // where rows 1..5 of A sit, from row 0
        int row2 = row1 + aRow;
        int row3 = row2 + aRow;
        int row4 = row3 + aRow;
        int row5 = row4 + aRow;
        int ap = aOff;
        int bp = bOff;
        for (int p = 0; p < kc; p++, ap += aStep, bp += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);          // B[p][0 .. LANES)
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);  // B[p][LANES .. NR)
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[ap]);          // A[p][r], one row at a time
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[ap + row1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, a[ap + row2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, a[ap + row3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, a[ap + row4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, a[ap + row5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + LANES);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + LANES);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + LANES);
        c30.intoArray(c, c3);
        c31.intoArray(c, c3 + LANES);
        c40.intoArray(c, c4);
        c41.intoArray(c, c4 + LANES);
        c50.intoArray(c, c5);
        c51.intoArray(c, c5 + LANES);
    }
}
