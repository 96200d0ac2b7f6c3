package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.LayerCase.Pairing;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The clauses of the {@link AttentionLayer} contract that are not about what attention computes:
 * repeated and concurrent calls agree, inputs that do not fit are rejected with an
 * {@link IllegalArgumentException} naming the layer ({@link #layerName()}) and the shapes, and
 * {@code null} is rejected with a {@link NullPointerException}.
 */
public interface AttentionLayerGeneralLaws extends AttentionLayerUnderTest {

    /** Threads calling one layer at once in {@link #forwardIsDeterministicAndThreadSafe()}. */
    int LAYER_THREADS = 8;

    /** Calls each thread makes. */
    int LAYER_ROUNDS_PER_THREAD = 4;

    /** Rejected calls per law, unless {@code -Dattentionlab.testkit.tries} says otherwise. */
    int REJECTION_TRIES = 12;

    /**
     * The same call gives the same result (within float rounding), called again or from
     * {@value #LAYER_THREADS} threads at the same moment, each with its own shapes and mask (so a
     * layer that keeps per-call state in a field is caught).
     */
    @Test
    default void forwardIsDeterministicAndThreadSafe() throws Exception {
        AttentionLayer layer = layer();
        List<LayerCase> cases = new ArrayList<>();
        List<AttentionResult> expected = new ArrayList<>();
        for (int t = 0; t < LAYER_THREADS; t++) {
            LayerCase c = new LayerCase(1 + t % 3, 4 + t, 11 - t, t % 2 == 0 ? MaskKind.KEY_PADDING : MaskKind.RANDOM,
                    Pairing.ANY, 1, t);
            cases.add(c);
            AttentionResult first = c.forward(layer, this);
            AttentionResult again = c.forward(layer, this);
            Closeness.assertClose("output of a repeated call (" + c + ")", again.output(), first.output());
            Closeness.assertClose("weights of a repeated call (" + c + ")", again.weights(), first.weights());
            expected.add(first);
        }
        ExecutorService threads = Executors.newFixedThreadPool(LAYER_THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(LAYER_THREADS);
            List<Future<List<AttentionResult>>> results = new ArrayList<>();
            for (LayerCase c : cases) {
                results.add(threads.submit(() -> {
                    Tensor query = c.query(this);
                    Tensor key = c.key(this);
                    Tensor value = c.value(this);
                    Mask mask = c.mask();
                    List<AttentionResult> out = new ArrayList<>();
                    start.await(); // all threads call the layer at the same moment
                    for (int round = 0; round < LAYER_ROUNDS_PER_THREAD; round++) {
                        out.add(layer.forward(query, key, value, mask));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < LAYER_THREADS; t++) {
                List<AttentionResult> out;
                try {
                    out = results.get(t).get(2, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw new AssertionError("forward threw when called from " + LAYER_THREADS + " threads at once ("
                            + cases.get(t) + ")", e.getCause());
                }
                for (AttentionResult result : out) {
                    String what = " computed by " + LAYER_THREADS + " threads at once (" + cases.get(t) + ")";
                    Closeness.assertClose("output" + what, result.output(), expected.get(t).output());
                    Closeness.assertClose("weights" + what, result.weights(), expected.get(t).weights());
                }
            }
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES), "forward calls did not finish");
        }
    }

    /** Keys and values of different lengths are rejected; the message names the layer and both shapes. */
    @TestFactory
    default Stream<DynamicTest> mismatchedKeyAndValueLengthsAreRejected() {
        AttentionLayer layer = layer();
        String name = layerName();
        List<RejectedCall> calls = new ArrayList<>();
        for (LayerCase c : LayerCase.random("mismatchedKeyAndValueLengthsAreRejected", REJECTION_TRIES, Pairing.ANY, 2,
                MaskKind.NONE)) {
            Tensor query = c.query(this);
            Tensor key = c.key(this);
            int valueLength = c.position(2) == 0 ? c.tk() - 1 : c.tk() + 1;
            Tensor value = input(c.seed() + 2, c.batch(), valueLength);
            calls.add(new RejectedCall("key " + LayerCase.shape(key) + ", value " + LayerCase.shape(value),
                    l -> l.forward(query, key, value, Mask.none()),
                    List.of(name, LayerCase.shape(key), LayerCase.shape(value))));
        }
        return ForAll.cases(calls, call -> call.assertRejectedBy(layer));
    }

    /** No queries ({@code Tq = 0}) or no keys ({@code Tk = 0}): rejected, naming the layer and the empty input's shape. */
    @TestFactory
    default Stream<DynamicTest> emptySequencesAreRejected() {
        AttentionLayer layer = layer();
        String name = layerName();
        List<RejectedCall> calls = new ArrayList<>();
        for (int b = 1; b <= 2; b++) {
            Tensor empty = input(b, b, 0);
            Tensor some = input(b + 10, b, 1 + b);
            String emptyShape = LayerCase.shape(empty);
            calls.add(new RejectedCall("no queries: query " + emptyShape, l -> l.forward(empty, some, some, Mask.none()),
                    List.of(name, emptyShape)));
            calls.add(new RejectedCall("no keys: key and value " + emptyShape,
                    l -> l.forward(some, empty, empty, Mask.none()), List.of(name, emptyShape)));
            calls.add(new RejectedCall("self-attention of an empty sequence " + emptyShape,
                    l -> l.selfAttention(empty, Mask.none()), List.of(name, emptyShape)));
        }
        return ForAll.cases(calls, call -> call.assertRejectedBy(layer));
    }

    /**
     * Masks that do not fit the scores {@code [B, ..., Tq, Tk]} are rejected, naming the layer and
     * the query's and key's shapes: a causal mask with {@code Tq ≠ Tk}, key padding with a length
     * per batch entry too many or a length beyond {@code Tk}, and mask matrices of the wrong size.
     */
    @TestFactory
    default Stream<DynamicTest> illFittingMasksAreRejected() {
        AttentionLayer layer = layer();
        String name = layerName();
        List<RejectedCall> calls = new ArrayList<>();
        for (LayerCase c : LayerCase.random("illFittingMasksAreRejected", REJECTION_TRIES, Pairing.CROSS, 1,
                MaskKind.NONE)) {
            Tensor query = c.query(this);
            Tensor key = c.key(this);
            Tensor value = c.value(this);
            int b = c.batch();
            int[] oneTooMany = new int[b + 1];
            int[] tooLong = new int[b];
            Arrays.fill(oneTooMany, 1);
            Arrays.fill(tooLong, 1);
            tooLong[b - 1] = c.tk() + 1;
            Mask mask = switch (calls.size() % 5) {
                case 0 -> Mask.causal();
                case 1 -> Mask.keyPadding(oneTooMany);
                case 2 -> Mask.keyPadding(tooLong);
                case 3 -> Mask.of(new boolean[c.tq() + 1][c.tk()]);
                default -> Mask.of(new boolean[b + 1][c.tq()][c.tk()]);
            };
            calls.add(new RejectedCall(mask + " for query " + LayerCase.shape(query) + ", key " + LayerCase.shape(key),
                    l -> l.forward(query, key, value, mask),
                    List.of(name, LayerCase.shape(query), LayerCase.shape(key))));
        }
        return ForAll.cases(calls, call -> call.assertRejectedBy(layer));
    }

    /**
     * No argument may be null ("no mask" is {@link Mask#none()}): {@link NullPointerException}, also
     * through the default methods.
     */
    @Test
    default void nullArgumentsAreRejected() {
        AttentionLayer layer = layer();
        Tensor x = input(1, 1, 2);
        Mask none = Mask.none();
        assertThrows(NullPointerException.class, () -> layer.forward(null, x, x, none), "query null");
        assertThrows(NullPointerException.class, () -> layer.forward(x, null, x, none), "key null");
        assertThrows(NullPointerException.class, () -> layer.forward(x, x, null, none), "value null");
        assertThrows(NullPointerException.class, () -> layer.forward(x, x, x, null), "mask null");
        assertThrows(NullPointerException.class, () -> layer.forward(null, x, x), "query null, no mask");
        assertThrows(NullPointerException.class, () -> layer.selfAttention(null, none), "x null");
        assertThrows(NullPointerException.class, () -> layer.selfAttention(x, null), "mask null in selfAttention");
    }
}
