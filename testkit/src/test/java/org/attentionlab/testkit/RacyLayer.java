package org.attentionlab.testkit;

import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: keeps the call's query in a field while it "works" (a millisecond's pause),
 * like a layer with a scratch buffer, so calls from two threads at once use each other's queries.
 * Correct when called from one thread at a time.
 */
class RacyLayer extends ReferenceLayer {

    private Tensor current;

    @Override
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask) {
        current = query;
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return super.forward(current, key, value, mask);
    }
}
