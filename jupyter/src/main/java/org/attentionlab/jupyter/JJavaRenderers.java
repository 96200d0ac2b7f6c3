package org.attentionlab.jupyter;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** Registers {@link AttentionLabRenderings} on JJava's {@link Renderer}, compiled against its API. */
public final class JJavaRenderers {

    private JJavaRenderers() {
    }

    /** Adds every rendering to {@code renderer}; a type registered before is registered again (replaced). */
    public static void register(Renderer renderer) {
        for (Rendering<?> rendering : AttentionLabRenderings.all()) {
            registerOne(renderer, rendering);
        }
    }

    private static <T> void registerOne(Renderer renderer, Rendering<T> rendering) {
        MIMEType[] types = rendering.mimeTypes().stream().map(MIMEType::parse).toArray(MIMEType[]::new);
        renderer.createRegistration(rendering.type())
                .preferring(types)
                .register((value, context) -> {
                    for (String mimeType : rendering.mimeTypes()) {
                        context.renderIfRequested(MIMEType.parse(mimeType), () -> rendering.dataFor(value, mimeType));
                    }
                });
    }
}
