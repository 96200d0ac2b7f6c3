package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.attentionlab.api.Kernels;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.Bias;
import org.attentionlab.attention.MultiHeadAttention;
import org.junit.jupiter.api.Test;

/**
 * The command, like notebooks and JShell, uses the layers without Guice: the attention module
 * declares Guice optional, so it is not on this module's class path, and the layers still work.
 */
class PlainJavaTests {

    @Test
    void theLayersWorkWithoutGuiceOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.inject.Guice"),
                "Guice must not come with the attention module");

        MultiHeadAttention mha = MultiHeadAttention.initialized(Kernels.discover().byId("naive"), 8, 2, Bias.ZEROS, 1);

        assertArrayEquals(new int[] {1, 3, 8}, mha.selfAttention(Tensor.randomNormal(2, 1, 3, 8), Mask.causal()).output().shape());
    }
}
