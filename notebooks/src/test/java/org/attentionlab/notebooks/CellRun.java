package org.attentionlab.notebooks;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * What one code cell did.
 *
 * @param outputs        its outputs in nbformat 4 form, in order
 * @param ranStatements  whether any part of it was more than a declaration (an import, a class, a
 *                       method): such a cell is expected to show something
 * @param lastSnippet    the source of its last snippet
 */
record CellRun(List<JsonObject> outputs, boolean ranStatements, String lastSnippet) {

    /** A cell that did not compile or threw. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
