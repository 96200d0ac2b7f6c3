package org.attentionlab.jupyter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * Registers {@link AttentionLabRenderings} on a kernel's renderer by reflection, for a kernel this
 * module is not compiled against: IJava, whose display API ({@code io.github.spencerpark.jupyter.kernel.display})
 * is the one JJava forked, with the same classes and methods in another package.
 *
 * <p>Each rendering becomes a {@code RenderFunction} (a {@link Proxy}) that, for each of its MIME
 * types, calls {@code context.renderIfRequested(MIMEType.parse(type), supplier)}, which is what
 * {@link JJavaRenderers} does in compiled code.
 *
 * @param displayPackage the package of the kernel's {@code Renderer}, {@code RenderFunction} and {@code RenderContext}
 */
record ReflectiveRenderers(String displayPackage) {

    /** IJava's display API. */
    static final String IJAVA = "io.github.spencerpark.jupyter.kernel.display";

    /** JJava's display API (used by the tests, which check this class against the real thing). */
    static final String JJAVA = "org.dflib.jjava.jupyter.kernel.display";

    /**
     * Adds every rendering to {@code renderer}, an instance of {@code <displayPackage>.Renderer}.
     *
     * @throws IllegalStateException if the renderer does not have the expected API
     */
    void register(Object renderer) {
        try {
            ClassLoader loader = renderer.getClass().getClassLoader();
            Class<?> mimeType = Class.forName(displayPackage + ".mime.MIMEType", true, loader);
            Class<?> renderFunction = Class.forName(displayPackage + ".RenderFunction", true, loader);
            Class<?> renderContext = Class.forName(displayPackage + ".RenderContext", true, loader);
            Method parse = mimeType.getMethod("parse", String.class);
            Method renderIfRequested = renderContext.getMethod("renderIfRequested", mimeType, Supplier.class);
            Method createRegistration = renderer.getClass().getMethod("createRegistration", Class.class);

            for (Rendering<?> rendering : AttentionLabRenderings.all()) {
                Object registration = createRegistration.invoke(renderer, rendering.type());
                Object types = java.lang.reflect.Array.newInstance(mimeType, rendering.mimeTypes().size());
                for (int i = 0; i < rendering.mimeTypes().size(); i++) {
                    java.lang.reflect.Array.set(types, i, parse.invoke(null, rendering.mimeTypes().get(i)));
                }
                registration.getClass().getMethod("preferring", types.getClass()).invoke(registration, types);
                Object function = Proxy.newProxyInstance(loader, new Class<?>[] {renderFunction}, (proxy, method, args) -> {
                    if (!method.getName().equals("render")) {
                        return objectMethod(proxy, method, args);
                    }
                    Object value = args[0];
                    Object context = args[1];
                    for (String type : rendering.mimeTypes()) {
                        Supplier<Object> data = () -> rendering.dataFor(value, type);
                        renderIfRequested.invoke(context, parse.invoke(null, type), data);
                    }
                    return null;
                });
                registration.getClass().getMethod("register", renderFunction).invoke(registration, function);
            }
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("ReflectiveRenderers: " + renderer.getClass().getName()
                    + " does not have the display API of " + displayPackage + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("ReflectiveRenderers: registering on " + renderer.getClass().getName()
                    + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** equals, hashCode and toString of the proxy, which a renderer may call on its functions. */
    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "AttentionLab RenderFunction";
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
