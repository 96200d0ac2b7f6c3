package org.attentionlab.kernels.blocked;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.TensorWriter;

/**
 * Fused attention {@code softmax(s · Q·Kᵀ, mask) · V} (Vaswani et al. 2017, equation 1) as rows,
 * one per query, without ever holding the {@code Tq × Tk} scores: the online softmax of
 * FlashAttention (Dao et al. 2022; Milakov and Gimelshein 2018).
 *
 * <h2>The idea</h2>
 * The composed version needs a row's largest score m before it can take a single exponential,
 * so it stores all scores first. The online version walks the keys a tile at a time and keeps,
 * per query row, the largest allowed score so far {@code m}, the sum {@code l = Σ exp(s·(x_j − m))}
 * and the unnormalised output {@code o = Σ exp(s·(x_j − m)) · v_j}. When a tile raises m to
 * {@code m'}, every earlier term was taken relative to the old m, so l and o are multiplied by
 * {@code exp(s·(m − m'))} first; at the end the output is {@code o / l}. Mathematically this is
 * the same softmax; the memory is one tile of scores, {@value #QUERY_BLOCK} × {@value #KEY_TILE},
 * plus O(T·D) for the packed keys: it grows with T, not T².
 *
 * <h2>Tiles and masks</h2>
 * {@value #QUERY_BLOCK} query rows at a time meet {@value #KEY_TILE} keys at a time: at
 * {@code Dk = Dv = 64} one step touches the packed queries (8 KiB), a key tile (8 KiB), a value
 * tile (8 KiB), the scores (4 KiB) and the output sums (8 KiB), together about the L1 data cache
 * (32 KiB reported by this VM, 48 KiB on Zen 5). The scores of a tile are a small matrix product,
 * computed by the {@link MicroKernel} on packed queries and keys. A tile the mask rules out
 * entirely ({@link Mask#allowsNoneOf}: for causal attention every tile above the diagonal, about
 * half of them) is skipped; where it allows all ({@link Mask#allowsAllOf}) the per-entry look-up
 * is skipped.
 *
 * <h2>Masked keys never reach the output</h2>
 * A masked key is left out of the sums rather than given weight 0, because {@code 0 · NaN} is NaN:
 * a NaN in a padded value changes nothing. A row with no allowed key keeps {@code l = 0} and gets
 * the zero vector, as in the composed version.
 *
 * <h2>Same bits whatever the rows</h2>
 * A row's state changes only in tiles where it has an allowed key, and the tiles are the same
 * for every row ({@code [0, 32), [32, 64), …}): a tile skipped because the whole block is masked
 * there is one in which this row, too, has no allowed key, and which it would have left unchanged.
 * So a row's output does not depend on which rows share its block or call.
 */
final class OnlineSoftmaxAttention implements RowWork {

    /** Query rows processed together (a multiple of {@link MicroKernel#ROWS}). */
    static final int QUERY_BLOCK = 32;

    /** Keys per tile of scores (a multiple of {@link MicroKernel#COLUMNS}). */
    static final int KEY_TILE = 32;

    private static final int MR = MicroKernel.ROWS;
    private static final int NR = MicroKernel.COLUMNS;

    private final AttentionInputs inputs;
    private final FloatBuffer query;        // Q: [batch, Tq, Dk], read in place
    private final FloatBuffer value;        // V: [batch, Tk, Dv], read in place
    private final PackedRightOperand keys;  // Kᵀ packed once: [batch][Tk/4][Dk][4]
    private final Mask mask;
    private final float scale;
    private final int tq;
    private final int tk;
    private final int dk;
    private final int dv;

    /** Packs the keys; {@code inputs} were checked when they were built. */
    OnlineSoftmaxAttention(AttentionInputs inputs) {
        this.inputs = inputs;
        this.query = inputs.query().values();
        this.value = inputs.value().values();
        this.keys = PackedRightOperand.of(inputs.key(),
                MatmulShape.of(inputs.query(), inputs.key(), RightOperand.TRANSPOSED)); // Q·Kᵀ reads K as [Tk, Dk]
        this.mask = inputs.mask();
        this.scale = inputs.scale();
        this.tq = inputs.queries();
        this.tk = inputs.keys();
        this.dk = inputs.keyWidth();
        this.dv = inputs.valueWidth();
    }

    @Override
    public int[] outputShape() {
        return inputs.outputShape(); // [..., Tq, Dv]
    }

    /** {@code batch · Tq}: row {@code e·Tq + i} is query i of attention e. */
    @Override
    public int rows() {
        return inputs.batch() * tq;
    }

    /** Per key a score ({@code Dk} multiply-adds), an exponential and a weighted value ({@code Dv}). */
    @Override
    public long costPerRow() {
        return (long) tk * (dk + BlockedSoftmax.EXP_COST + dv);
    }

    @Override
    public int rowBlock() {
        return QUERY_BLOCK;
    }

    @Override
    public void compute(int rowFrom, int rowTo, TensorWriter out) {
        Block block = new Block();
        for (int row = rowFrom; row < rowTo; ) {
            int entry = row / tq;
            int i0 = row - entry * tq;
            int rows = Math.min(Math.min(QUERY_BLOCK, tq - i0), rowTo - row);
            attend(entry, i0, rows, block, out);
            row += rows;
        }
    }

    /** Queries {@code i0..i0+rows-1} of attention {@code entry}: their rows of the output. */
    private void attend(int entry, int i0, int rows, Block block, TensorWriter out) {
        int maskBatch = inputs.maskBatchOf(entry);
        block.start(entry, i0, rows);
        for (int j0 = 0; j0 < tk; j0 += KEY_TILE) {
            int keyCount = Math.min(KEY_TILE, tk - j0);
            if (mask.allowsNoneOf(maskBatch, i0, i0 + rows, j0, j0 + keyCount)) {
                continue; // e.g. causal, above the diagonal: no row here has an allowed key
            }
            boolean allAllowed = mask.allowsAllOf(maskBatch, i0, i0 + rows, j0, j0 + keyCount);
            block.scoresOf(entry, j0, keyCount);                                   // x = Q·Kᵀ for this tile
            value.get((entry * tk + j0) * dv, block.values, 0, keyCount * dv);    // V[j0..j0+keyCount)
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < keyCount; j++) {
                    block.allowed[j] = allAllowed || mask.allows(maskBatch, i0 + r, j0 + j);
                }
                block.update(r, keyCount);
            }
        }
        block.finish(out, (entry * tq + i0) * dv);
    }

    /** One block's scratch memory and its per-row running state; local to a {@link #compute} call. */
    private final class Block {
        final float[] queries = new float[QUERY_BLOCK * dk];   // Q rows packed in panels of 4: [8][Dk][4]
        final float[] qRow = new float[dk];
        final float[] scores = new float[QUERY_BLOCK * KEY_TILE]; // x: [QUERY_BLOCK, KEY_TILE], unscaled
        final float[] values = new float[KEY_TILE * dv];          // V tile: [KEY_TILE, Dv]
        final float[] outputs = new float[QUERY_BLOCK * dv];      // o: [QUERY_BLOCK, Dv], unnormalised
        final float[] max = new float[QUERY_BLOCK];               // m per row
        final double[] sum = new double[QUERY_BLOCK];             // l per row
        final boolean[] allowed = new boolean[KEY_TILE];          // the current row's mask in this tile
        final float[] tile = new float[MR * NR];
        int rows;

        /** Packs the block's queries and resets m = −∞, l = 0, o = 0. */
        void start(int entry, int i0, int rows) {
            this.rows = rows;
            int paddedRows = (rows + MR - 1) / MR * MR;
            for (int r = 0; r < paddedRows; r++) {
                if (r < rows) {
                    query.get((entry * tq + i0 + r) * dk, qRow, 0, dk);
                } else {
                    Arrays.fill(qRow, 0f); // padding row: its scores are never read
                }
                int panel = (r / MR) * dk * MR + r % MR;
                for (int d = 0; d < dk; d++) {
                    queries[panel + d * MR] = qRow[d];
                }
            }
            Arrays.fill(max, Float.NEGATIVE_INFINITY);
            Arrays.fill(sum, 0);
            Arrays.fill(outputs, 0f);
        }

        /** {@code scores[r][j] = q_{i0+r} · k_{j0+j}}, summed over Dk in ascending order. */
        void scoresOf(int entry, int j0, int keyCount) {
            for (int j = 0; j < keyCount; j += NR) {
                int kStart = keys.panelStart(entry, (j0 + j) / NR, 0);
                int columns = Math.min(NR, keyCount - j);
                for (int r0 = 0; r0 < rows; r0 += MR) {
                    MicroKernel.multiply(dk, queries, r0 * dk, keys.panels(), kStart, tile);
                    for (int r = 0; r < MR && r0 + r < rows; r++) {
                        System.arraycopy(tile, r * NR, scores, (r0 + r) * KEY_TILE + j, columns);
                    }
                }
            }
        }

        /** Row r takes in this tile's allowed keys: the online softmax step. */
        void update(int r, int keyCount) {
            float m = max[r];
            float tileMax = Float.NEGATIVE_INFINITY;
            boolean any = false;
            for (int j = 0; j < keyCount; j++) {
                if (allowed[j]) {
                    any = true;
                    tileMax = Math.max(tileMax, scores[r * KEY_TILE + j]); // NaN passes through
                }
            }
            float newMax = Math.max(m, tileMax);
            if (!any || newMax == Float.NEGATIVE_INFINITY) {
                return; // nothing allowed here (or only −∞ scores, weight 0): the row is unchanged
            }
            int o = r * dv;
            if (newMax > m) { // earlier terms were relative to m: rescale them to m'
                double rescale = Math.exp(scale * ((double) m - newMax)); // 0 while nothing was summed (m = −∞)
                sum[r] *= rescale;
                for (int d = 0; d < dv; d++) {
                    outputs[o + d] *= (float) rescale;
                }
                max[r] = newMax;
            }
            for (int j = 0; j < keyCount; j++) {
                if (!allowed[j]) {
                    continue; // a masked key contributes nothing, not even 0 · NaN
                }
                double p = Math.exp(scale * ((double) scores[r * KEY_TILE + j] - newMax));
                sum[r] += p;
                float weight = (float) p;
                int v = j * dv;
                for (int d = 0; d < dv; d++) {
                    outputs[o + d] += weight * values[v + d];
                }
            }
        }

        /** Output row r is {@code o / l}, or the zero vector if nothing was allowed ({@code l = 0}). */
        void finish(TensorWriter out, int start) {
            for (int r = 0; r < rows; r++) {
                int o = r * dv;
                double l = sum[r];
                for (int d = 0; d < dv; d++) {
                    outputs[o + d] = l == 0 ? 0f : (float) (outputs[o + d] / l);
                }
                out.put(start + o, outputs, o, dv);
            }
        }
    }
}
