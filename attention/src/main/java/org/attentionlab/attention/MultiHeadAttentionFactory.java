package org.attentionlab.attention;

import jakarta.inject.Inject;
import java.util.Objects;
import org.attentionlab.api.Kernel;

/**
 * Makes multi-head attention layers on the injected kernel. The sizes and the seed are the
 * caller's choice, so they are arguments here rather than bindings.
 */
public final class MultiHeadAttentionFactory {

    private final Kernel kernel;

    @Inject
    public MultiHeadAttentionFactory(Kernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    /** A layer with seeded Xavier weights; see {@link MultiHeadAttention#initialized}. */
    public MultiHeadAttention create(int dModel, int numHeads, Bias bias, long seed) {
        return MultiHeadAttention.initialized(kernel, dModel, numHeads, bias, seed);
    }
}
