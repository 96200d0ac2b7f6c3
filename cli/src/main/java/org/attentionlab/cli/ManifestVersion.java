package org.attentionlab.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code attentionlab --version} prints: the version in the jar's manifest
 * ({@code Implementation-Version}, written by the build) and the Java running it.
 */
public final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AttentionLabCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "attentionlab " + (version != null ? version : "(development build: not run from a jar)"),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
