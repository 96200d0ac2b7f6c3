package org.attentionlab.attention;

import java.util.Arrays;
import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * Checks a mask against a layer's inputs before any arithmetic, so that a mask of the wrong shape
 * is reported in the layer's terms (its name, the query and key shapes) rather than in the
 * kernel's (the scores' shape deep inside the computation).
 */
final class MaskFit {

    private MaskFit() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code layer} if {@code mask} cannot be applied
     * to the scores of {@code query [..., Tq, ·]} against {@code key [..., Tk, ·]}, whose batch
     * entries are counted as {@link SoftmaxShape#batchesOf} counts them.
     */
    static void require(String layer, Mask mask, Tensor query, Tensor key) {
        try {
            mask.requireFits(SoftmaxShape.batchesOf(query.shape()), query.dim(-2), key.dim(-2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(layer + ": mask " + mask + " does not fit query "
                    + Arrays.toString(query.shape()) + " and key " + Arrays.toString(key.shape()) + ": "
                    + e.getMessage(), e);
        }
    }
}
