package org.attentionlab.benchmarks.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The libraries our kernels are compared with, in the report's column order, each named by its
 * benchmark class in {@code org.attentionlab.benchmarks.peers}.
 */
public enum Peer {
    OPENBLAS("OpenBlas", "OpenBLAS"),
    PYTORCH("PyTorch", "PyTorch"),
    EJML("Ejml", "EJML");

    private final String className;
    private final String displayName;

    Peer(String className, String displayName) {
        this.className = className;
        this.displayName = displayName;
    }

    /** The name in the report. */
    public String displayName() {
        return displayName;
    }

    /** The peer whose benchmark class has this simple name. */
    public static Optional<Peer> ofClass(String simpleName) {
        return Arrays.stream(values()).filter(p -> p.className.equals(simpleName)).findFirst();
    }

    /** The peer with this display name. */
    public static Optional<Peer> ofDisplayName(String name) {
        return Arrays.stream(values()).filter(p -> p.displayName.equals(name)).findFirst();
    }
}
