package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The clauses of the {@link Kernel} contract that are not about arithmetic: inputs are left
 * alone, bad shapes and nulls are rejected with the right exceptions, one instance serves many
 * threads at once, and the kernel is registered under a stable id.
 */
public interface GeneralLaws extends KernelUnderTest {

    /** Threads calling one kernel instance at once in {@link #concurrentCallsAgree()}. */
    int THREADS = 8;

    /** Calls each thread makes, alternating matmul and softmax. */
    int ROUNDS_PER_THREAD = 4;

    /** Neither operand is changed by a call, and the result is a new tensor. */
    @TestFactory
    default Stream<DynamicTest> inputsAreNotModified() {
        Kernel kernel = kernel();
        int tries = ForAll.tries(25);
        Stream<DynamicTest> products = ForAll.cases(MatmulCase.random(ForAll.seed("inputsAreNotModified/matmul"),
                tries, RightOperand.AS_IS), c -> {
                    Tensor left = c.left();
                    Tensor right = c.right();
                    Tensor result = kernel.matmul(left, right, c.operand());
                    assertEquals(c.left(), left, "matmul changed its left operand");
                    assertEquals(c.right(), right, "matmul changed its right operand");
                    assertNotSame(left, result, "matmul returned its left operand");
                    assertNotSame(right, result, "matmul returned its right operand");
                });
        Stream<DynamicTest> softmaxes = ForAll.cases(SoftmaxCase.random(ForAll.seed("inputsAreNotModified/softmax"),
                tries, EnumSet.allOf(MaskKind.class), 1, 1e4f), c -> {
                    Tensor scores = c.scores();
                    Tensor result = kernel.softmax(scores, c.mask());
                    assertEquals(c.scores(), scores, "softmax changed its scores");
                    assertNotSame(scores, result, "softmax returned its scores");
                });
        return Stream.concat(products, softmaxes);
    }

    /**
     * Shapes that do not fit raise {@link IllegalArgumentException} whose message names the
     * operation and both shapes (for softmax: the scores' shape and the mask).
     */
    @TestFactory
    default Stream<DynamicTest> badShapesAreRejected() {
        Kernel kernel = kernel();
        return ForAll.cases(BadCall.random(ForAll.seed("badShapesAreRejected"), ForAll.tries(40)), bad -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad.call().accept(kernel),
                    "expected IllegalArgumentException for " + bad);
            for (String mention : bad.mentions()) {
                assertTrue(String.valueOf(e.getMessage()).contains(mention),
                        () -> "the message \"" + e.getMessage() + "\" should mention " + mention);
            }
        });
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
        assertThrows(NullPointerException.class, () -> kernel.softmax(null, Mask.none()));
        assertThrows(NullPointerException.class, () -> kernel.softmax(matrix, null));
        assertThrows(NullPointerException.class, () -> kernel.softmax(null));
    }

    /**
     * {@value #THREADS} threads share one instance and call it at the same moment, each with its
     * own shapes (so shared scratch buffers would be caught); every result agrees with the oracle.
     */
    @Test
    default void concurrentCallsAgree() throws Exception {
        Kernel kernel = kernel();
        Kernel oracle = oracle();
        List<MatmulCase> products = new ArrayList<>();
        List<SoftmaxCase> softmaxes = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            products.add(new MatmulCase(List.of(2), 33 + 5 * t, 48, 70 - 3 * t, t % 2 == 0,
                    t % 3 == 0 ? RightOperand.TRANSPOSED : RightOperand.AS_IS, t));
            softmaxes.add(new SoftmaxCase(List.of(2, 2, 40 + t, 40 + t),
                    t % 2 == 0 ? MaskKind.CAUSAL : MaskKind.RANDOM, 10, t));
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<List<Tensor>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                MatmulCase product = products.get(t);
                SoftmaxCase softmax = softmaxes.get(t);
                results.add(threads.submit(() -> {
                    Tensor left = product.left();
                    Tensor right = product.right();
                    Tensor scores = softmax.scores();
                    Mask mask = softmax.mask();
                    List<Tensor> out = new ArrayList<>();
                    start.await(); // all threads call the kernel at the same moment
                    for (int round = 0; round < ROUNDS_PER_THREAD; round++) {
                        out.add(kernel.matmul(left, right, product.operand()));
                        out.add(kernel.softmax(scores, mask));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                MatmulCase product = products.get(t);
                SoftmaxCase softmax = softmaxes.get(t);
                Tensor expectedProduct = oracle.matmul(product.left(), product.right(), product.operand());
                Tensor expectedWeights = oracle.softmax(softmax.scores(), softmax.mask());
                List<Tensor> out = results.get(t).get(2, TimeUnit.MINUTES);
                for (int round = 0; round < ROUNDS_PER_THREAD; round++) {
                    Agreement.assertMatmulAgrees(product.left(), product.right(), product.operand(),
                            out.get(2 * round), expectedProduct);
                    Agreement.assertSoftmaxAgrees(out.get(2 * round + 1), expectedWeights);
                }
            }
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES), "kernel calls did not finish");
        }
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
        assertEquals(id, kernel.id(), "id() must return the same value every time");
        assertFalse(id.isBlank(), "id must not be blank");
        assertEquals(id.strip().toLowerCase(Locale.ROOT), id, "id must be lower-case without surrounding spaces");
        assertEquals(kernel.priority(), kernel.priority(), "priority() must return the same value every time");
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
