package org.attentionlab.cli;

import java.util.concurrent.Callable;
import org.attentionlab.api.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code attentionlab kernels}: which kernels this installation can compute with, which one is
 * the default, and which plugins were found but could not be loaded, and why.
 */
@Command(name = "kernels",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Lists the attention kernels that can compute the tour.",
            "",
            "Shows every kernel found on the class path and the --kernel-path"
                    + " (META-INF/services/org.attentionlab.api.Kernel) with its"
                    + " priority, description and class, marks the default, and lists the providers that could"
                    + " not be loaded, with the reason."
        })
public final class KernelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private AttentionLabCommand parent;

    /** @return 0, or 1 if there is no usable kernel at all */
    @Override
    public Integer call() {
        // Failures are part of the listing itself, so discovery need not report them separately.
        Kernels kernels = AttentionLabCommand.discoverKernels(parent, line -> { });
        new KernelListing(kernels, parent != null ? parent.width() : TourPage.PROSE_WIDTH).print(spec.commandLine().getOut());
        return kernels.all().isEmpty() ? 1 : 0;
    }
}
