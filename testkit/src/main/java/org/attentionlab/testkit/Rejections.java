package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The kit's one check of a rejected call: an {@link IllegalArgumentException} whose message
 * contains every one of the mentions (the operation or layer, and the shapes or value involved);
 * and the fixed list of kernel calls whose shapes do not fit, for {@code badShapesAreRejected}.
 */
final class Rejections {

    private Rejections() {
    }

    /** Asserts that {@code call} (what is wrong: {@code description}) is rejected naming each of {@code mentions}. */
    static void assertRejected(String description, Executable call, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call,
                () -> "expected IllegalArgumentException for " + description);
        for (String mention : mentions) {
            assertTrue(String.valueOf(e.getMessage()).contains(mention),
                    () -> "the message \"" + e.getMessage() + "\" should mention " + mention + " (" + description + ")");
        }
    }

    /**
     * {@code (description, call, mentions)} for each kernel call whose shapes do not fit: the
     * message must name the operation and both shapes (for softmax the scores' shape and the mask).
     */
    static Stream<Arguments> badKernelShapes() {
        return Stream.of(
                matmul("inner dimensions differ", new int[] {2, 3}, new int[] {4, 5}, RightOperand.AS_IS),
                matmul("inner dimensions differ", new int[] {2, 3, 5, 7}, new int[] {2, 3, 9, 6}, RightOperand.AS_IS),
                matmul("inner dimensions differ", new int[] {5, 7}, new int[] {6, 8}, RightOperand.TRANSPOSED),
                matmul("batch dimensions differ", new int[] {2, 3, 4}, new int[] {3, 4, 5}, RightOperand.AS_IS),
                matmul("batch dimensions differ", new int[] {2, 3, 4, 5}, new int[] {2, 4, 6, 5}, RightOperand.TRANSPOSED),
                matmul("left is a vector", new int[] {4}, new int[] {4, 2}, RightOperand.AS_IS),
                matmul("right is a vector", new int[] {3, 4}, new int[] {4}, RightOperand.TRANSPOSED),
                softmax("causal mask on non-square scores", new int[] {3, 4}, Mask.causal()),
                softmax("causal mask on non-square scores", new int[] {2, 2, 5, 3}, Mask.causal()),
                softmax("key padding with a length too many", new int[] {2, 3, 4}, Mask.keyPadding(1, 2, 3)),
                softmax("key padding with a length per batch entry for rank 2", new int[] {3, 4}, Mask.keyPadding(1, 2)),
                softmax("key padding longer than Tk", new int[] {2, 2, 3, 4}, Mask.keyPadding(4, 5)),
                softmax("mask matrix of the wrong size", new int[] {3, 4}, Mask.of(new boolean[4][4])),
                softmax("one mask matrix per batch entry, one too many", new int[] {2, 3, 4}, Mask.of(new boolean[3][3][4])));
    }

    private static Arguments matmul(String what, int[] left, int[] right, RightOperand operand) {
        Consumer<Kernel> call = kernel -> kernel.matmul(Tensor.zeros(left), Tensor.zeros(right), operand);
        return arguments("matmul: " + what + ": left " + Arrays.toString(left) + ", right " + Arrays.toString(right)
                        + (operand == RightOperand.TRANSPOSED ? " (transposed)" : ""), call,
                new String[] {"matmul", Arrays.toString(left), Arrays.toString(right)});
    }

    private static Arguments softmax(String what, int[] scores, Mask mask) {
        Consumer<Kernel> call = kernel -> kernel.softmax(Tensor.zeros(scores), mask);
        return arguments("softmax: " + what + ": scores " + Arrays.toString(scores) + ", " + mask, call,
                new String[] {"softmax", Arrays.toString(scores), mask.toString()});
    }
}
