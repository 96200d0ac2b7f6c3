package org.attentionlab.kernels.blocked;

import java.nio.FloatBuffer;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * The right operand B of a product, copied once into the order the {@link MicroKernel} reads it:
 * each {@code [K, N]} matrix cut into panels of {@value MicroKernel#COLUMNS} columns, each panel
 * {@code [K][4]} contiguous, so the micro-kernel's loads are consecutive floats.
 *
 * <p>Packing is also where the transposed operand of {@code Q·Kᵀ} is handled: B stored
 * {@code [N, K]} is read a row at a time and scattered into the same panels, so both cases give
 * the same packed floats and run identical sums. The copy costs {@code K·N} moves against
 * {@code M·K·N} multiply-adds, and is made once per operation, however its rows are split.
 *
 * <p>Columns past N in the last panel are 0; the products they give are never stored.
 */
final class PackedRightOperand {

    private static final int NR = MicroKernel.COLUMNS;

    /** Panels of every matrix: {@code [matrices][N/4 rounded up][K][4]}. */
    private final float[] panels;
    private final int k;
    private final int matrixStride;
    private final boolean shared;

    private PackedRightOperand(float[] panels, int k, int matrixStride, boolean shared) {
        this.panels = panels;
        this.k = k;
        this.matrixStride = matrixStride;
        this.shared = shared;
    }

    /** Packs {@code right} ({@code [.., K, N]}, or {@code [.., N, K]} if transposed) as {@code shape} reads it. */
    static PackedRightOperand of(Tensor right, MatmulShape shape) {
        int k = shape.k();
        int n = shape.n();
        int panelCount = (n + NR - 1) / NR;
        int matrixStride = panelCount * k * NR;                  // floats per packed [K, N] matrix
        int matrices = shape.rightShared() ? 1 : shape.batch();
        float[] panels = new float[matrices * matrixStride];     // [matrices][N/4][K][4]
        FloatBuffer b = right.values();                          // read in place, no copy
        if (shape.operand() == RightOperand.AS_IS) {
            float[] row = new float[n];                          // B[p][0..N)
            for (int e = 0; e < matrices; e++) {
                for (int p = 0; p < k; p++) {
                    b.get(shape.rightOffset(e) + p * n, row, 0, n);
                    for (int j = 0; j < n; j++) {
                        panels[e * matrixStride + (j / NR) * k * NR + p * NR + j % NR] = row[j];
                    }
                }
            }
        } else {
            float[] row = new float[k];                          // B stored [N, K]: row j is column j of Bᵀ
            for (int e = 0; e < matrices; e++) {
                for (int j = 0; j < n; j++) {
                    b.get(shape.rightOffset(e) + j * k, row, 0, k);
                    int column = e * matrixStride + (j / NR) * k * NR + j % NR;
                    for (int p = 0; p < k; p++) {
                        panels[column + p * NR] = row[p];
                    }
                }
            }
        }
        return new PackedRightOperand(panels, k, matrixStride, shape.rightShared());
    }

    /** The packed floats; read, never written, after packing. */
    float[] panels() {
        return panels;
    }

    /** Where rows {@code p ≥ depthFrom} of panel {@code panel} (columns {@code 4·panel..}) of matrix {@code entry} start. */
    int panelStart(int entry, int panel, int depthFrom) {
        return (shared ? 0 : entry * matrixStride) + panel * k * NR + depthFrom * NR;
    }
}
