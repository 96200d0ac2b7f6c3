package org.attentionlab.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import jakarta.inject.Provider;
import java.util.Objects;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;

/**
 * Binds the {@link Kernel} that every layer computes with. One module per kernel choice:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(AttentionModule.withKernel("naive"));
 * ScaledDotProductAttention attention = injector.getInstance(ScaledDotProductAttention.class);
 * MultiHeadAttention mha = injector.getInstance(MultiHeadAttentionFactory.class).create(64, 8, Bias.NONE, 42);
 * }</pre>
 *
 * <p>The layers themselves ({@code ScaledDotProductAttention}, {@code MultiHeadAttentionFactory})
 * need no binding: their {@code @Inject} constructors take the kernel. Without Guice, call those
 * constructors with a kernel from {@link Kernels} yourself. Creating the module or the injector
 * does nothing; kernel discovery happens once, when the kernel is first needed.
 */
public final class AttentionModule extends AbstractModule {

    /** Where the kernel comes from; called at most once (the binding is a singleton). */
    private final Provider<Kernel> kernelSource;

    private AttentionModule(Provider<Kernel> kernelSource) {
        this.kernelSource = kernelSource;
    }

    /** Binds the discovered kernel with this id; an unknown id fails when the kernel is first injected. */
    public static AttentionModule withKernel(String kernelId) {
        Objects.requireNonNull(kernelId, "kernelId");
        return new AttentionModule(() -> Kernels.discover().byId(kernelId));
    }

    /** Binds {@link Kernels#defaultKernel()}: the system property {@value Kernels#KERNEL_PROPERTY}, else the highest priority. */
    public static AttentionModule withDefaultKernel() {
        return new AttentionModule(() -> Kernels.discover().defaultKernel());
    }

    /** Binds this kernel instance, e.g. one a student wrote in a notebook, without discovery. */
    public static AttentionModule withKernel(Kernel kernel) {
        Objects.requireNonNull(kernel, "kernel");
        return new AttentionModule(() -> kernel);
    }

    @Override
    protected void configure() {
        bind(Kernel.class).toProvider(kernelSource).in(Singleton.class);
    }
}
