package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.AttentionCase.Scale;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clauses of the {@link Kernel} contract that are not about arithmetic: bad shapes and nulls
 * are rejected with the right exceptions, one instance serves many threads at once, and the
 * kernel is registered under a stable id.
 *
 * <p>There is no law that a kernel leaves its inputs alone: a {@link Tensor} is immutable and
 * {@link Tensor#values()} is read-only, so no kernel could break it, and a law that cannot fail
 * is not kept.
 */
public interface GeneralLaws extends KernelUnderTest {

    /**
     * Shapes that do not fit raise {@link IllegalArgumentException} whose message names the
     * operation and both shapes (for softmax: the scores' shape and the mask).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.attentionlab.testkit.Rejections#badKernelShapes")
    default void badShapesAreRejected(String description, Consumer<Kernel> call, String... mentions) {
        Kernel kernel = kernel();
        Rejections.assertRejected(description, () -> call.accept(kernel), mentions);
    }

    /** No parameter may be null: {@link NullPointerException}, also through the default methods. */
    @Test
    default void nullArgumentsAreRejected() {
        Kernel kernel = kernel();
        Tensor matrix = Tensor.zeros(2, 2);
        assertThrows(NullPointerException.class, () -> kernel.matmul(null, matrix, RightOperand.AS_IS));
        assertThrows(NullPointerException.class, () -> kernel.matmul(matrix, null, RightOperand.AS_IS));
        assertThrows(NullPointerException.class, () -> kernel.matmul(matrix, matrix, null));
        assertThrows(NullPointerException.class, () -> kernel.matmul(null, matrix));
        assertThrows(NullPointerException.class, () -> kernel.softmax(null, 1f, Mask.none()));
        assertThrows(NullPointerException.class, () -> kernel.softmax(matrix, 1f, null));
        assertThrows(NullPointerException.class, () -> kernel.softmax(null, Mask.none()));
        assertThrows(NullPointerException.class, () -> kernel.softmax(null));
        assertThrows(NullPointerException.class, () -> kernel.attention(null));
        assertThrows(NullPointerException.class, () -> kernel.attentionWithWeights(null));
    }

    /**
     * 8 threads share one instance and call it at the same moment, each with
     * its own shapes (so shared scratch buffers are caught), for matmul, softmax and attention;
     * every result agrees with the oracle. Only calls that agree when made from one thread take
     * part: a kernel that is wrong on one thread fails the arithmetic laws, not this one, and this
     * law is then reported as skipped, saying which calls it left out.
     */
    @Test
    default void concurrentCallsAgree() throws InterruptedException {
        Kernel kernel = kernel();
        Kernel oracle = Oracle.NAIVE;
        List<Concurrently.Call<Tensor>> calls = new ArrayList<>();
        for (int t = 0; t < Budget.THREADS; t++) {
            MatmulCase product = new MatmulCase(List.of(2), 33 + 5 * t, 48, 70 - 3 * t, t % 2 == 0,
                    t % 3 == 0 ? RightOperand.TRANSPOSED : RightOperand.AS_IS, t);
            SoftmaxCase softmax = new SoftmaxCase(List.of(2, 2, 40 + t, 40 + t),
                    t % 2 == 0 ? MaskKind.CAUSAL : MaskKind.RANDOM, 10, t);
            AttentionCase attention = new AttentionCase(List.of(2, 2), 20 + t, 31 + t, 16 + t % 3, 8,
                    MaskKind.KEY_PADDING, Scale.PAPER, 1, t);
            Tensor left = product.left();
            Tensor right = product.right();
            Tensor expectedProduct = oracle.matmul(left, right, product.operand());
            Tensor scores = softmax.scores();
            Mask mask = softmax.mask();
            Tensor expectedWeights = oracle.softmax(scores, mask);
            AttentionInputs inputs = attention.inputs();
            AttentionResult expectedAttention = oracle.attentionWithWeights(inputs);
            calls.add(new Concurrently.Call<>("matmul of " + product, "matmulAgreesWithNaive",
                    () -> kernel.matmul(left, right, product.operand()),
                    actual -> Agreement.assertMatmulAgrees(left, right, product.operand(), actual, expectedProduct)));
            calls.add(new Concurrently.Call<>("softmax of " + softmax, "softmaxAgreesWithNaive",
                    () -> kernel.softmax(scores, mask), actual -> Agreement.assertSoftmaxAgrees(actual, expectedWeights)));
            calls.add(new Concurrently.Call<>("attention of " + attention, "attentionAgreesWithComposedAttention",
                    () -> kernel.attention(inputs), actual -> Agreement.assertOutputAgrees("the naive kernel",
                            expectedAttention.weights(), inputs.value(), actual, expectedAttention.output())));
        }
        Concurrently.assertAgreeAtOnce(calls, List.of());
    }

    /**
     * The kernel is registered (found through ServiceLoader by {@link #kernelId()}), exactly once,
     * its id is stable, lower-case and trimmed, it has a public no-argument constructor that
     * gives an equivalent instance, and it describes itself.
     */
    @Test
    default void idIsStableAndRegistered() {
        Kernel kernel = kernel();
        String id = kernel.id();
        assertEquals(kernelId(), id, "registered kernel reports another id");
        assertFalse(id.isBlank(), "id must not be blank");
        assertEquals(id.strip().toLowerCase(Locale.ROOT), id, "id must be lower-case without surrounding spaces");
        String description = kernel.description();
        assertNotNull(description, "description()");
        assertFalse(description.isBlank(), "description() must not be blank");

        KernelLookup.Discovery again = KernelLookup.discover();
        Kernel rediscovered = again.kernels().find(id).orElseThrow(() -> new AssertionError(
                "a second discovery did not find '" + id + "'"));
        assertSame(kernel.getClass(), rediscovered.getClass(), "id '" + id + "' is provided by another class");
        for (String skipped : again.skipped()) {
            assertFalse(skipped.contains("'" + id + "'"), "a provider was skipped because of this id: " + skipped);
        }

        Kernel constructed = constructedLikeServiceLoaderDoes(kernel.getClass());
        assertEquals(id, constructed.id(), "a new instance reports another id");
        assertEquals(kernel.priority(), constructed.priority(), "a new instance reports another priority");
    }

    private static Kernel constructedLikeServiceLoaderDoes(Class<? extends Kernel> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            return fail(type.getName() + " needs a public no-argument constructor for ServiceLoader", e);
        } catch (InvocationTargetException e) {
            return fail("the no-argument constructor of " + type.getName() + " threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            return fail("cannot construct " + type.getName(), e);
        }
    }
}
