package org.attentionlab.attention;

/** Whether a freshly initialised {@link Linear} projection has a bias term. */
public enum Bias {
    /** y = x·W */
    NONE,
    /** y = x·W + b, with b starting at zero (the usual initialisation). */
    ZEROS
}
