package org.attentionlab.kernels.parallel;

import java.util.Optional;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.kernels.blocked.BlockedKernel;

/**
 * Which sequential kernel the parallel kernel runs on its threads: the one named by the system
 * property {@value #DELEGATE_PROPERTY}, otherwise the fastest {@link SplittableKernel} found on the
 * class path (the highest {@link Kernel#priority()}), otherwise the blocked kernel, which this
 * module depends on. A parallel kernel is never chosen: its rows would fork again into a pool.
 * The one place this rule is written.
 */
final class DelegateChoice {

    /** System property naming the delegate by id, e.g. {@code -Dattentionlab.parallel.delegate=blocked}. */
    static final String DELEGATE_PROPERTY = "attentionlab.parallel.delegate";

    private DelegateChoice() {
    }

    /**
     * The delegate among {@code kernels}.
     *
     * @param requestedId the property's value, or {@code null} (or blank) for "the fastest"
     * @throws IllegalArgumentException if {@code requestedId} names no kernel, or one that cannot be split
     */
    static SplittableKernel among(Kernels kernels, String requestedId) {
        if (requestedId != null && !requestedId.isBlank()) {
            String id = requestedId.strip();
            Kernel kernel = kernels.find(id).orElseThrow(() -> new IllegalArgumentException(
                    "System property " + DELEGATE_PROPERTY + " chooses kernel '" + id + "', which is not on the"
                            + " class path; splittable kernels found: " + splittableIds(kernels)));
            if (!isCandidate(kernel)) {
                throw new IllegalArgumentException("System property " + DELEGATE_PROPERTY + " chooses kernel '" + id
                        + "', which the parallel kernel cannot run on its threads (it is not a sequential"
                        + " SplittableKernel); choose one of " + splittableIds(kernels));
            }
            return (SplittableKernel) kernel;
        }
        Optional<Kernel> fastest = kernels.all().stream().filter(DelegateChoice::isCandidate).findFirst(); // by priority
        return fastest.map(SplittableKernel.class::cast).orElseGet(BlockedKernel::new);
    }

    /** The delegate among the kernels this class's loader sees, as chosen by the system property. */
    static SplittableKernel fromClassPath() {
        // Failures were already reported by the application's own discovery; here they would repeat.
        Kernels kernels = Kernels.discover(DelegateChoice.class.getClassLoader(), line -> { });
        return among(kernels, System.getProperty(DELEGATE_PROPERTY));
    }

    private static boolean isCandidate(Kernel kernel) {
        return kernel instanceof SplittableKernel && !(kernel instanceof ParallelKernel);
    }

    private static java.util.List<String> splittableIds(Kernels kernels) {
        return kernels.all().stream().filter(DelegateChoice::isCandidate).map(Kernel::id).toList();
    }
}
