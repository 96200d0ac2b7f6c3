package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * A call an implementation must reject with an {@link IllegalArgumentException} whose message
 * contains every one of {@code mentions} (the operation or layer, and the shapes or value
 * involved): the kit's one check of a rejected call.
 *
 * @param description what is wrong, for the test's name and the failure message
 * @param call        the call to make
 * @param mentions    what the message must contain
 */
record RejectedCall(String description, Executable call, List<String> mentions) {

    /** A rejected call whose message must mention each of {@code mentions}. */
    static RejectedCall of(String description, Executable call, String... mentions) {
        return new RejectedCall(description, call, List.of(mentions));
    }

    /** Asserts that the call is rejected as the contract says. */
    void assertRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call,
                () -> "expected IllegalArgumentException for " + description);
        for (String mention : mentions) {
            assertTrue(String.valueOf(e.getMessage()).contains(mention),
                    () -> "the message \"" + e.getMessage() + "\" should mention " + mention + " (" + description + ")");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
