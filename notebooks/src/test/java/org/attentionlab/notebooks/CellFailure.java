package org.attentionlab.notebooks;

/** A cell that did not compile, threw, or gave no output: names the notebook and the cell. */
final class CellFailure extends RuntimeException {

    CellFailure(String notebook, int cell, String message, Throwable cause) {
        super(notebook + ", cell " + cell + ": " + message, cause);
    }
}
