package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;

/**
 * Finds the kernel under test the way the application does: through {@link java.util.ServiceLoader}
 * ({@link Kernels#discover}), by id. A kernel that works when constructed by hand but is not
 * registered would be invisible to users, so the kit never constructs kernels itself.
 *
 * <p>Discovery instantiates every provider on the class path, so each id is looked up once per
 * class loader and the instance is shared by all laws (kernels are thread-safe by contract).
 */
final class KernelLookup {

    /** Where a provider is registered, relative to the module root. */
    static final String SERVICE_FILE = "src/main/resources/META-INF/services/" + Kernel.class.getName();

    private static final Map<String, Kernel> FOUND = new ConcurrentHashMap<>();

    private KernelLookup() {
    }

    /** The registered kernel with this id, or a test failure that says how to register it. */
    static Kernel byId(String id) {
        return FOUND.computeIfAbsent(id, unknown -> {
            Discovery discovery = discover();
            return discovery.kernels().find(id).orElseGet(() -> fail(notFound(id, discovery)));
        });
    }

    /** A fresh discovery, with the providers it had to skip. */
    static Discovery discover() {
        List<String> skipped = new ArrayList<>();
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(KernelLookup.class.getClassLoader());
        return new Discovery(Kernels.discover(loader, skipped::add), List.copyOf(skipped));
    }

    private static String notFound(String id, Discovery discovery) {
        return "No kernel with id '" + id + "' was found through ServiceLoader. Kernels found: "
                + discovery.kernels().ids() + ". To register yours, add the file " + SERVICE_FILE
                + " containing one line, the fully qualified name of your Kernel class"
                + " (it needs a public no-argument constructor), and make its id() return '" + id + "'."
                + (discovery.skipped().isEmpty() ? "" : " Providers that failed to load: " + discovery.skipped());
    }

    /** The result of one {@link Kernels#discover}: the usable kernels and one line per skipped provider. */
    record Discovery(Kernels kernels, List<String> skipped) {
    }
}
