package org.attentionlab.jupyter;

import java.lang.reflect.Method;

/**
 * The one call a notebook's first cell makes so that Attention Lab's objects show themselves in
 * whichever kernel runs it:
 *
 * <pre>{@code
 * org.attentionlab.jupyter.AttentionLabDisplay.register();
 * }</pre>
 *
 * <ul>
 *   <li><b>JJava</b> already did it: it loads {@link AttentionLabExtension} from the jar's
 *       {@code META-INF/services}. Registering again replaces the same renderings, so the call is
 *       harmless there.</li>
 *   <li><b>IJava</b> loads no extension: its renderer is found through
 *       {@code io.github.spencerpark.ijava.IJava.getKernelInstance().getRenderer()} and the renderings
 *       are registered on it by reflection ({@link ReflectiveRenderers}); nothing here is compiled
 *       against IJava.</li>
 *   <li>Anywhere else (plain JShell, a program) there is no renderer and nothing to do.</li>
 * </ul>
 *
 * <p>The kernel is recognised by the classes it puts on the class path, JJava first.
 */
public final class AttentionLabDisplay {

    /** The kernels this class knows. */
    public enum Kernel { JJAVA, IJAVA, NONE }

    private static final String JJAVA_KERNEL = "org.dflib.jjava.jupyter.kernel.BaseKernel";
    private static final String IJAVA_KERNEL = "io.github.spencerpark.ijava.IJava";

    private AttentionLabDisplay() {
    }

    /**
     * Registers the renderings with the running kernel.
     *
     * @return the kernel they were registered with ({@link Kernel#NONE} outside a notebook)
     * @throws IllegalStateException if a kernel is there but its display API is not the expected one
     */
    public static Kernel register() {
        ClassLoader loader = AttentionLabDisplay.class.getClassLoader();
        Object jjava = kernelInstance(loader, JJAVA_KERNEL, "notebookKernel");
        if (jjava != null) {
            JJavaRenderers.register(((org.dflib.jjava.jupyter.kernel.BaseKernel) jjava).getRenderer());
            return Kernel.JJAVA;
        }
        Object ijava = kernelInstance(loader, IJAVA_KERNEL, "getKernelInstance");
        if (ijava != null) {
            try {
                new ReflectiveRenderers(ReflectiveRenderers.IJAVA).register(ijava.getClass().getMethod("getRenderer").invoke(ijava));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("AttentionLabDisplay: IJava's kernel has no getRenderer(): " + e, e);
            }
            return Kernel.IJAVA;
        }
        return Kernel.NONE;
    }

    /** The running kernel from {@code type.factory()}, or null if the class or a running kernel is missing. */
    private static Object kernelInstance(ClassLoader loader, String type, String factory) {
        try {
            Method method = Class.forName(type, false, loader).getMethod(factory);
            return method.invoke(null);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;                                  // not this kernel
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;                                  // the kernel's classes, but no kernel running (notebookKernel() throws)
        }
    }
}
