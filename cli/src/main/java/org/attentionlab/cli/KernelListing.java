package org.attentionlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.KernelChoice;
import org.attentionlab.api.KernelLoadFailure;
import org.attentionlab.api.Kernels;

/**
 * The kernel table that {@code attentionlab kernels} prints: id, priority, description and class
 * of every usable kernel, highest priority first, the default marked with {@code *}; then every
 * provider that was skipped, with the reason.
 */
final class KernelListing {

    private final Kernels kernels;
    /** Every line is kept within this many columns. */
    private final int width;

    /** A listing that fits {@value TourPage#PROSE_WIDTH} columns. */
    KernelListing(Kernels kernels) {
        this(kernels, TourPage.PROSE_WIDTH);
    }

    KernelListing(Kernels kernels, int width) {
        this.kernels = kernels;
        this.width = width;
    }

    void print(PrintWriter out) {
        List<Kernel> all = kernels.all();
        say(out, "Kernels found on the class path (META-INF/services/" + Kernel.class.getName() + "):", 0);
        out.println();
        if (all.isEmpty()) {
            say(out, "   none. Add a kernel plugin to the class path, for example " + Kernels.REFERENCE_ARTIFACT + ".", 3);
        } else {
            printKernels(out, all);
        }
        out.println();
        List<KernelLoadFailure> failures = kernels.failures();
        if (failures.isEmpty()) {
            out.println("Providers that could not be loaded: none.");
        } else {
            say(out, "Providers that could not be loaded (skipped; the other kernels work):", 0);
            for (KernelLoadFailure failure : failures) {
                say(out, "   " + failure.provider(), 3);
                say(out, "      " + failure.reason(), 6);
            }
        }
    }

    private void printKernels(PrintWriter out, List<Kernel> all) {
        String defaultNote;
        Optional<Kernel> chosen;
        try {
            KernelChoice choice = kernels.defaultChoice();
            chosen = Optional.of(choice.kernel());
            defaultNote = "Default (*): " + choice.reason() + ". Choose another with 'tour --kernel <id>'"
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
            List<String> description = LineWrap.lines(kernel.description().strip(), width - indent);
            out.println(String.format(Locale.ROOT, row, mark, kernel.id(), kernel.priority(), description.get(0)));
            for (String more : description.subList(1, description.size())) {
                out.println(" ".repeat(indent) + more);
            }
            say(out, " ".repeat(indent) + "class " + kernel.getClass().getName(), indent);
        }
        out.println();
        say(out, defaultNote, 0);
    }

    private void say(PrintWriter out, String text, int hang) {
        LineWrap.lines(text, width, hang).forEach(out::println);
    }
}
