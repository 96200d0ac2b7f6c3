package org.attentionlab.testkit;

/**
 * The whole {@link org.attentionlab.api.AttentionLayer} contract as tests: implement this
 * interface in a test class, give the layer and a way to make inputs it accepts, and every law
 * runs against it.
 *
 * <pre>{@code
 * class MyMultiHeadAttentionContractTests implements AttentionLayerContract {
 *     public AttentionLayer layer() {
 *         return new MyMultiHeadAttention(new NaiveKernel(), 8, 2, 42);   // D = 8, H = 2
 *     }
 *     public Tensor input(long seed, int batch, int length) {
 *         return Tensor.randomNormal(seed, batch, length, 8);            // [B, T, D]
 *     }
 * }
 * }</pre>
 *
 * <p>The laws hold for any attention layer, whatever its widths, heads or projections: they
 * compare the layer with itself (on reordered, cut or partly changed inputs), never with a
 * reference. To check the numbers of scaled dot-product attention as well, implement
 * {@link ScaledDotProductAttentionContract}.
 *
 * <h2>Laws</h2>
 * Grouped by what they check: {@link AttentionShapeLaws}, {@link AttentionOrderLaws},
 * {@link AttentionMaskLaws} and {@link AttentionLayerGeneralLaws}; each law's Javadoc says what it
 * checks, and {@code testkit/README.md} lists them all in one table.
 *
 * <p>Laws marked {@code @TestFactory} run one test per generated case ({@link ForAll}): 1 to 3
 * batch entries, sequences of 1 to 12. "The same output" is {@link Agreement}'s rule for a layer
 * compared with itself, and finite; "weight 0" means exactly 0.
 */
public interface AttentionLayerContract
        extends AttentionShapeLaws, AttentionOrderLaws, AttentionMaskLaws, AttentionLayerGeneralLaws {
}
