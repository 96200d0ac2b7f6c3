package org.attentionlab.testkit;

import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.Tensor;

/**
 * What every attention-layer law needs: the layer under test and inputs it accepts. Implement
 * {@link AttentionLayerContract} (or {@link ScaledDotProductAttentionContract}) rather than this.
 *
 * <p>The laws only ever call {@link AttentionLayer#forward} with tensors made by {@link #input},
 * so they hold for a layer of any width, rank or number of heads.
 */
public interface AttentionLayerUnderTest {

    /** The layer under test, called once per law: the same instance (layers are thread-safe by contract) or a new, equal one. */
    AttentionLayer layer();

    /**
     * An input the layer accepts as query, key or value: {@code [B, ..., T, W]} with
     * {@code B = batch} first and {@code T = length} second to last, e.g. {@code [B, T, D]} for
     * multi-head attention or {@code [B, H, T, Dk]} for scaled dot-product attention. Values
     * should be random, of the size real inputs have (e.g. {@code Tensor.randomNormal(seed, ...)}),
     * and the same for the same arguments; the laws draw queries, keys and values with different
     * seeds. {@code length} is 0 only in {@code emptySequencesAreRejected}. The first dimension is
     * the batch a {@link org.attentionlab.api.Mask} speaks of (key padding: one length per entry).
     */
    Tensor input(long seed, int batch, int length);

    /**
     * How the layer names itself in its error messages (the contract says a rejected call's
     * {@link IllegalArgumentException} names the layer and the shapes). By default the simple name
     * of the layer's class, e.g. {@code "MultiHeadAttention"}.
     */
    default String layerName() {
        return layer().getClass().getSimpleName();
    }
}
