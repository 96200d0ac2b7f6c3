package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionLayer;

/**
 * A call an {@link AttentionLayer} must reject with an {@link IllegalArgumentException} whose
 * message contains every one of {@code mentions}: the layer's name and the shapes involved.
 *
 * @param description what is wrong, for the test's name
 * @param call        the call to make on the layer
 * @param mentions    what the message must contain
 */
record RejectedCall(String description, Consumer<AttentionLayer> call, List<String> mentions)
        implements Shrinkable<RejectedCall> {

    /** Asserts that {@code layer} rejects this call as the contract says. */
    void assertRejectedBy(AttentionLayer layer) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(layer),
                () -> "expected IllegalArgumentException for " + description);
        for (String mention : mentions) {
            assertTrue(String.valueOf(e.getMessage()).contains(mention),
                    () -> "the message \"" + e.getMessage() + "\" should mention " + mention);
        }
    }

    /** Rejected calls are already small; there is nothing to shrink. */
    @Override
    public Stream<RejectedCall> simpler() {
        return Stream.empty();
    }

    @Override
    public String toString() {
        return description;
    }
}
