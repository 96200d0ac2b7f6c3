package org.attentionlab.api;

import java.util.Objects;

/**
 * A kernel provider that was found in a {@code META-INF/services} file but could not be used: its
 * class is missing or broken, its constructor threw, or its id was invalid or already taken.
 * {@link Kernels} skips it and lists it here, so one bad plugin never hides the others.
 *
 * @param provider the provider's class name, as far as it is known
 * @param reason   what went wrong, in one line
 * @param cause    the underlying error, or {@code null} for a rule of the registry (e.g. duplicate id)
 */
public record KernelLoadFailure(String provider, String reason, Throwable cause) {

    public KernelLoadFailure {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return provider + ": " + reason;
    }
}
