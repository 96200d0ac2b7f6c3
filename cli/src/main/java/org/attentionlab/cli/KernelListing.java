package org.attentionlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.KernelLoadFailure;
import org.attentionlab.api.Kernels;

/**
 * The kernel table that {@code attentionlab kernels} prints: id, priority, description and class
 * of every usable kernel, highest priority first, the default marked with {@code *}; then every
 * provider that was skipped, with the reason.
 */
final class KernelListing {

    /** Descriptions are wrapped to keep lines within this many columns. */
    private static final int WIDTH = 100;

    private final Kernels kernels;

    KernelListing(Kernels kernels) {
        this.kernels = kernels;
    }

    void print(PrintWriter out) {
        List<Kernel> all = kernels.all();
        out.println("Kernels found on the class path (META-INF/services/" + Kernel.class.getName() + "):");
        out.println();
        if (all.isEmpty()) {
            out.println("   none. Add a kernel plugin to the class path, for example " + Kernels.REFERENCE_ARTIFACT + ".");
        } else {
            printKernels(out, all);
        }
        out.println();
        List<KernelLoadFailure> failures = kernels.failures();
        if (failures.isEmpty()) {
            out.println("Providers that could not be loaded: none.");
        } else {
            out.println("Providers that could not be loaded (skipped; the other kernels work):");
            for (KernelLoadFailure failure : failures) {
                out.println("   " + failure.provider());
                out.println("      " + failure.reason());
            }
        }
    }

    private void printKernels(PrintWriter out, List<Kernel> all) {
        String defaultNote;
        Optional<Kernel> chosen;
        try {
            chosen = Optional.of(kernels.defaultKernel());
            defaultNote = "Default (*): " + DefaultKernelReason.current() + ". Choose another with 'tour --kernel <id>'"
                    + " or -D" + Kernels.KERNEL_PROPERTY + "=<id>.";
        } catch (IllegalArgumentException e) {
            chosen = Optional.empty();
            defaultNote = "No default: " + e.getMessage();
        }
        int idWidth = Math.max("ID".length(), all.stream().mapToInt(k -> k.id().length()).max().orElse(0));
        String row = "%s %-" + idWidth + "s  %8s  %s";
        int indent = 2 + idWidth + 2 + 8 + 2; // where the description column starts
        out.println(String.format(Locale.ROOT, row, " ", "ID", "PRIORITY", "DESCRIPTION"));
        for (Kernel kernel : all) {
            String mark = chosen.filter(k -> k == kernel).isPresent() ? "*" : " ";
            List<String> description = wrapped(kernel.description(), WIDTH - indent);
            out.println(String.format(Locale.ROOT, row, mark, kernel.id(), kernel.priority(), description.get(0)));
            for (String more : description.subList(1, description.size())) {
                out.println(" ".repeat(indent) + more);
            }
            out.println(" ".repeat(indent) + "class " + kernel.getClass().getName());
        }
        out.println();
        out.println(defaultNote);
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces (a longer word gets its own line). */
    static List<String> wrapped(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
