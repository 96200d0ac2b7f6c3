package org.attentionlab.testkit;

import java.util.Objects;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: checks only for null and leaves everything else to the kernel, so an empty
 * sequence passes and other errors name {@code matmul} or {@code softmax} instead of the layer.
 */
class UncheckedLayer extends ReferenceLayer {

    @Override
    void check(Tensor query, Tensor key, Tensor value, Mask mask) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(mask, "mask");
    }
}
