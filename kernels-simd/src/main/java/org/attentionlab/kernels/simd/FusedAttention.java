package org.attentionlab.kernels.simd;

import static org.attentionlab.kernels.simd.MicroKernel.LANES;
import static org.attentionlab.kernels.simd.MicroKernel.MR;
import static org.attentionlab.kernels.simd.MicroKernel.NR;
import static org.attentionlab.kernels.simd.MicroKernel.SPECIES;

import java.nio.FloatBuffer;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.TensorWriter;

/**
 * Attention {@code softmax(scale · Q·Kᵀ, mask) · V} (Vaswani et al. 2017, equation 1) without ever
 * holding the {@code Tq × Tk} scores: a block of queries meets the keys one tile at a time, and an
 * online softmax (Milakov and Gimelshein 2018; FlashAttention, Dao et al. 2022) keeps, per query
 * row, the running maximum {@code m}, the running sum {@code l} and the unnormalised output
 * {@code acc}. Memory is {@code O(T·D)}: packed K and V, and per call a few tiles of scratch.
 *
 * <h2>One key tile, for a block of {@value #QUERY_BLOCK} query rows</h2>
 * <pre>{@code
 * S   = scale · Q_blk · K_tileᵀ                       // [BQ, BK] scores, by the MicroKernel
 * per row i:  mt  = max_j S_ij (masked j are −∞)      // skip the row if −∞: nothing allowed here
 *             m'  = max(m_i, mt)
 *             α   = exp(m_i − m')                      // rescales what was summed so far
 *             P_ij = exp(S_ij − m')                    // VectorExp; masked: exp(−∞) = 0
 *             l_i = α · l_i + Σ_j P_ij
 * T   = P · V_tile                                     // [BQ, Dv], by the MicroKernel
 * acc_i = α · acc_i + T_i  (rows that took part)
 * at the end: output_i = acc_i / l_i, or 0 if no key was ever allowed (l_i = 0)
 * }</pre>
 *
 * <h2>Masks</h2>
 * A tile for which {@link Mask#allowsNoneOf} holds for the whole query block is skipped (causal
 * attention skips everything above the diagonal); one for which {@link Mask#allowsAllOf} holds
 * needs no look-ups. Otherwise each row asks the same two questions for its own keys, and only
 * rows that are neither are looked up key by key. Masked keys are never multiplied into the
 * output: their {@code P} is 0, and where a tile of V holds a NaN or an infinity ({@code 0·NaN}
 * is NaN), the rows that mask some of that tile's keys sum over their allowed keys only.
 *
 * <h2>Rows in any grouping</h2>
 * Every step above is per row and depends only on the row: the key tiles are the same grid for all
 * rows, a row with no allowed key in a tile leaves {@code m}, {@code l} and {@code acc} untouched
 * (so skipping that tile for a whole block changes no bit), and the choice of the careful path is
 * the row's own. {@code α} uses {@link StrictMath#exp}, whose result is specified bit for bit.
 */
final class FusedAttention implements RowWork {

    /** Query rows per block (8 register tiles of 6 rows, or 4 of 12); they share each K and V tile while it is in L1. */
    static final int QUERY_BLOCK = 48;

    /** Keys per tile: a multiple of {@code NR}; K and V tiles of {@code 64 × Dk} are 16 KiB for Dk = 64. */
    static final int KEY_TILE = 64;

    private final AttentionInputs inputs;
    private final int tq;
    private final int tk;
    private final int dk;
    private final int dv;
    private final int dvPadded;      // Dv rounded up to whole NR panels
    private final int tkPadded;      // Tk rounded up to whole key tiles
    private final FloatBuffer query; // [batch, Tq, Dk], read in place
    private final float[] keys;      // per batch entry: Kᵀ as panels [Tk/NR][Dk][NR]
    private final float[] values;    // per batch entry: V as panels [Dv/NR][Tk][NR]
    private final boolean[] tileHasNonFiniteValue; // [batch][Tk/BK]: a 0·NaN risk
    private final PreparationPieces preparation;

    private FusedAttention(AttentionInputs inputs) {
        this.inputs = inputs;
        this.tq = inputs.queries();
        this.tk = inputs.keys();
        this.dk = inputs.keyWidth();
        this.dv = inputs.valueWidth();
        this.dvPadded = PackedPanels.roundUp(dv, NR);
        this.tkPadded = PackedPanels.roundUp(tk, KEY_TILE);
        this.query = inputs.query().values();
        int batch = inputs.batch();
        int tiles = tkPadded / KEY_TILE;
        this.keys = new float[Math.multiplyExact(batch, tkPadded * dk)];
        this.values = new float[Math.multiplyExact(batch, tkPadded * dvPadded)];
        this.tileHasNonFiniteValue = new boolean[batch * tiles];
        this.preparation = new PreparationPieces(batch);
    }

    /** The inputs were checked when they were built; packing K and V is the preparation, a piece per batch entry. */
    static FusedAttention prepare(AttentionInputs inputs) {
        return new FusedAttention(inputs);
    }

    @Override
    public int preparationPieces() {
        return preparation.count();
    }

    /** Packs batch entry {@code e}'s K and V. */
    @Override
    public void prepare(int e) {
        preparation.run(e, () -> {
            int tiles = tkPadded / KEY_TILE;
            FloatBuffer k = inputs.key().values();   // [batch, Tk, Dk]
            FloatBuffer v = inputs.value().values(); // [batch, Tk, Dv]
            PackedPanels.packRightTransposed(k, e * tk * dk, dk, tk, 0, tkPadded / NR, keys, e * tkPadded * dk);
            float[] row = new float[dv];
            for (int j = 0; j < tk; j++) {
                v.get((e * tk + j) * dv, row, 0, dv);
                for (int d = 0; d < dv; d++) {
                    values[e * tkPadded * dvPadded + ((d / NR) * tkPadded + j) * NR + d % NR] = row[d];
                    tileHasNonFiniteValue[e * tiles + j / KEY_TILE] |= !Float.isFinite(row[d]);
                }
            }
        });
    }

    @Override
    public int[] outputShape() {
        return inputs.outputShape();
    }

    @Override
    public int rows() {
        return inputs.batch() * tq;
    }

    @Override
    public long costPerRow() {
        return (long) tk * (dk + dv);
    }

    @Override
    public int rowBlock() {
        return QUERY_BLOCK;
    }

    @Override
    public void compute(int rowFrom, int rowTo, TensorWriter out) {
        preparation.checkDone();
        Scratch scratch = new Scratch();
        for (int row = rowFrom; row < rowTo; ) {
            int e = row / tq;                             // which attention (batch entry · head)
            int i0 = row % tq;
            int i1 = Math.min(tq, i0 + (rowTo - row));
            for (int q0 = i0; q0 < i1; q0 += QUERY_BLOCK) {
                queryBlock(e, q0, Math.min(QUERY_BLOCK, i1 - q0), scratch, out);
            }
            row += i1 - i0;
        }
    }

    /** Scratch for one query block, allocated once per {@link #compute} call. */
    private final class Scratch {
        final float[] queryRows = new float[QUERY_BLOCK * dk];         // Q_blk [BQ, Dk]
        final float[] queryPanels = new float[QUERY_BLOCK * dk];       // [BQ/MR][Dk][MR]
        final float[] scores = new float[QUERY_BLOCK * KEY_TILE];      // S, then P: [BQ, BK]
        final float[] tile = new float[QUERY_BLOCK * dvPadded];        // T = P·V_tile [BQ, Dv]
        final float[] acc = new float[QUERY_BLOCK * dvPadded];         // running Σ P·V [BQ, Dv]
        final float[] max = new float[QUERY_BLOCK];                    // m per row
        final float[] sum = new float[QUERY_BLOCK * LANES];            // l per row, as LANES partial sums
        final float[] alpha = new float[QUERY_BLOCK];                  // this tile's rescaling per row
        final RowPart[] part = new RowPart[QUERY_BLOCK];               // this tile's mask, per row
    }

    /** How much of a key tile one query row may attend to. */
    private enum RowPart { NONE, SOME, ALL }

    /** Output rows {@code q0 .. q0+rows} of attention {@code e}. */
    private void queryBlock(int e, int q0, int rows, Scratch s, TensorWriter out) {
        int padded = PackedPanels.roundUp(rows, MR);
        Mask mask = inputs.mask();
        int maskBatch = inputs.maskBatchOf(e);
        PackedPanels.readRows(query, e * tq + q0, rows, dk, 0, dk, s.queryRows);   // Q_blk [rows, Dk]
        PackedPanels.packLeft(s.queryRows, 0, dk, rows, dk, s.queryPanels);      // [rows/MR][Dk][MR]
        Arrays.fill(s.max, Float.NEGATIVE_INFINITY);
        Arrays.fill(s.sum, 0f);
        PackedPanels.clear(s.acc, padded * dvPadded);
        int tiles = tkPadded / KEY_TILE;
        for (int t = 0; t < tiles; t++) {
            int j0 = t * KEY_TILE;
            int j1 = Math.min(tk, j0 + KEY_TILE);
            if (mask.allowsNoneOf(maskBatch, q0, q0 + rows, j0, j1)) {
                continue; // e.g. above the causal diagonal: no row of the block may look here
            }
            boolean whole = mask.allowsAllOf(maskBatch, q0, q0 + rows, j0, j1);
            scores(e, t, padded, s);                                            // S = Q_blk·K_tileᵀ
            boolean anyRow = false;
            for (int r = 0; r < rows; r++) {
                s.part[r] = whole ? RowPart.ALL : partOf(mask, maskBatch, q0 + r, j0, j1);
                anyRow |= onlineSoftmaxRow(s, r, s.part[r], mask, maskBatch, q0 + r, j0, j1);
            }
            if (!anyRow) {
                continue;
            }
            // T = P·V_tile over the tile's real keys: [rows, BK]·[BK, Dv], P read as rows
            int kc = j1 - j0;
            PackedPanels.clear(s.tile, padded * dvPadded);
            int valueBase = e * tkPadded * dvPadded;
            for (int q = 0; q < dvPadded / NR; q++) {
                int vPanel = valueBase + (q * tkPadded + j0) * NR;              // V[j0 .. j1)[q·NR .. +NR)
                for (int p = 0; p < padded / MR; p++) {
                    MicroKernel.multiplyAddRows(kc, s.scores, p * MR * KEY_TILE, KEY_TILE, values, vPanel,
                            s.tile, p * MR * dvPadded + q * NR, dvPadded);
                }
            }
            boolean careful = tileHasNonFiniteValue[e * tiles + t];
            for (int r = 0; r < rows; r++) {
                if (s.part[r] == RowPart.NONE) {
                    continue; // nothing allowed in this tile: m, l and acc stay exactly as they were
                }
                if (careful && s.part[r] == RowPart.SOME) {
                    allowedValuesOnly(s, r, mask, maskBatch, q0 + r, j0, j1, valueBase);
                }
                // acc_r = α·acc_r + T_r
                FloatVector alpha = FloatVector.broadcast(SPECIES, s.alpha[r]);
                for (int d = r * dvPadded; d < (r + 1) * dvPadded; d += LANES) {
                    FloatVector.fromArray(SPECIES, s.acc, d)
                            .fma(alpha, FloatVector.fromArray(SPECIES, s.tile, d))
                            .intoArray(s.acc, d);
                }
            }
        }
        // output_r = acc_r / l_r; a row that never met an allowed key (l_r = 0) stays the zero vector
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int lane = r * LANES; lane < (r + 1) * LANES; lane++) {
                sum += s.sum[lane];                      // l_r: its partial sums, in a fixed order
            }
            if (sum == 0) {
                continue; // the writer starts at 0
            }
            FloatVector inverse = FloatVector.broadcast(SPECIES, (float) (1.0 / sum));
            for (int d = r * dvPadded; d < (r + 1) * dvPadded; d += LANES) {
                FloatVector.fromArray(SPECIES, s.acc, d).mul(inverse).intoArray(s.acc, d);
            }
            out.put((e * tq + q0 + r) * dv, s.acc, r * dvPadded, dv);
        }
    }

    /** {@code S = Q_blk · K_tileᵀ} into {@code s.scores} {@code [padded, BK]}, unscaled. */
    private void scores(int e, int t, int padded, Scratch s) {
        PackedPanels.clear(s.scores, padded * KEY_TILE);
        int keyBase = e * tkPadded * dk + t * KEY_TILE * dk;     // the tile's first panel of Kᵀ
        for (int q = 0; q < KEY_TILE / NR; q++) {
            for (int p = 0; p < padded / MR; p++) {
                MicroKernel.multiplyAdd(dk, s.queryPanels, p * dk * MR, keys, keyBase + q * dk * NR,
                        s.scores, p * MR * KEY_TILE + q * NR, KEY_TILE);
            }
        }
    }

    /** Which of the keys {@code j0 .. j1} query {@code i} may attend to, as far as the mask can say for the row. */
    private static RowPart partOf(Mask mask, int batch, int i, int j0, int j1) {
        if (mask.allowsAllOf(batch, i, i + 1, j0, j1)) {
            return RowPart.ALL;
        }
        return mask.allowsNoneOf(batch, i, i + 1, j0, j1) ? RowPart.NONE : RowPart.SOME;
    }

    /**
     * One row's step of the online softmax: turns its scores into weights {@code P} in place and
     * updates {@code m}, {@code l} and {@code α}. Returns false, with the row's {@code P} all 0 and
     * its state untouched, if the row has no allowed, finite-or-+∞ score in the tile (its part
     * becomes {@link RowPart#NONE}).
     */
    private boolean onlineSoftmaxRow(Scratch s, int r, RowPart part, Mask mask, int batch, int i, int j0, int j1) {
        int base = r * KEY_TILE;
        float scale = inputs.scale();
        if (part != RowPart.NONE) {
            for (int j = j1 - j0; j < KEY_TILE; j++) {
                s.scores[base + j] = Float.NEGATIVE_INFINITY;          // keys past Tk: not there
            }
            if (part == RowPart.SOME) {
                for (int j = j0; j < j1; j++) {
                    if (!mask.allows(batch, i, j)) {
                        s.scores[base + j - j0] = Float.NEGATIVE_INFINITY; // a masked score is never read
                    }
                }
            }
        }
        float tileMax = Float.NEGATIVE_INFINITY;
        if (part != RowPart.NONE) {
            FloatVector max = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
            for (int j = base; j < base + KEY_TILE; j += LANES) {
                FloatVector scaled = FloatVector.fromArray(SPECIES, s.scores, j).mul(scale); // scale·q·k
                scaled.intoArray(s.scores, j);
                max = max.max(scaled);
            }
            tileMax = max.reduceLanes(VectorOperators.MAX);
        }
        if (tileMax == Float.NEGATIVE_INFINITY) {
            s.part[r] = RowPart.NONE;
            Arrays.fill(s.scores, base, base + KEY_TILE, 0f);
            return false;
        }
        float newMax = Math.max(s.max[r], tileMax);                       // NaN stays NaN
        s.alpha[r] = newMax == s.max[r] ? 1f                               // the usual case once m has settled
                : (float) StrictMath.exp((double) s.max[r] - newMax);       // exp(−∞) = 0 on the first tile
        // l_r = α·l_r + Σ_j P_rj, kept as LANES partial sums: no reduction across lanes per tile
        FloatVector sum = FloatVector.fromArray(SPECIES, s.sum, r * LANES).mul(s.alpha[r]);
        for (int j = base; j < base + KEY_TILE; j += LANES) {
            FloatVector p = VectorExp.exp(FloatVector.fromArray(SPECIES, s.scores, j).sub(newMax));
            p.intoArray(s.scores, j);
            sum = sum.add(p);
        }
        sum.intoArray(s.sum, r * LANES);
        s.max[r] = newMax;
        return true;
    }

    /** Row {@code r} of {@code T} again, as {@code Σ P_rj · V_j} over the allowed keys only: no {@code 0·NaN}. */
    private void allowedValuesOnly(Scratch s, int r, Mask mask, int batch, int i, int j0, int j1, int valueBase) {
        int row = r * dvPadded;
        Arrays.fill(s.tile, row, row + dvPadded, 0f);
        for (int j = j0; j < j1; j++) {
            if (!mask.allows(batch, i, j)) {
                continue;
            }
            FloatVector p = FloatVector.broadcast(SPECIES, s.scores[r * KEY_TILE + j - j0]);
            for (int q = 0; q < dvPadded / NR; q++) {
                int v = valueBase + (q * tkPadded + j) * NR;
                for (int c = 0; c < NR; c += LANES) {
                    int d = row + q * NR + c;
                    p.fma(FloatVector.fromArray(SPECIES, values, v + c), FloatVector.fromArray(SPECIES, s.tile, d))
                            .intoArray(s.tile, d);
                }
            }
        }
    }
}
