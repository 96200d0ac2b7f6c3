package org.attentionlab.testkit;

import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: adds 0.5 · i to every component of query {@code i}, a position built into
 * the layer, so that a query's answer depends on where it stands.
 */
class AddsPositionToQueriesLayer extends ReferenceLayer {

    @Override
    Tensor queries(Tensor query) {
        int t = query.dim(-2);
        int w = query.dim(-1);
        float[] q = query.toArray();
        for (int i = 0; i < q.length; i++) {
            q[i] += 0.5f * ((i / w) % t);
        }
        return Tensor.fromArray(q, query.shape());
    }
}
