package org.attentionlab.jupyter;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * JJava's entry point: the kernel finds this class through
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension} when a notebook adds the framework's jar
 * with {@code %classpath}, and it registers {@link AttentionLabRenderings} on the kernel's renderer.
 * From then on a cell's {@code Tensor}, {@code AttentionResult} or picture shows itself, with no
 * helper code in the cell.
 */
public final class AttentionLabExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        JJavaRenderers.register(kernel.getRenderer());
    }
}
