package org.attentionlab.benchmarks.peers;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Tensor;
import org.attentionlab.benchmarks.AttentionShapes;
import org.attentionlab.benchmarks.WarmUp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Peer of lessons 1 and 3: PyTorch 2.7.1 (libtorch, CPU) through DJL, the library a Java user
 * would pick. {@code matmul} is DJL's {@code NDArray.matmul}; {@code attention} is PyTorch's
 * fused {@code torch.scaled_dot_product_attention} (a flash-attention CPU kernel, O(T·D) memory),
 * reached through a TorchScript module that {@link TorchScriptArchive} writes from Java, since
 * DJL's NDArray API has no fused attention.
 *
 * <p>libtorch comes out of the {@code pytorch-native-cpu} jar on the class path: the forks run
 * with {@code -Dai.djl.offline=true}, so DJL extracts it (once, into {@code ~/.djl.ai}) instead of
 * downloading. {@code threads} is libtorch's intra-op thread count; inter-op parallelism is off
 * (one operation at a time, as in our kernels). Each result is closed after it is consumed, so
 * native memory does not grow across calls.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = WarmUp.ITERATIONS, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1"})
public class PyTorch {

    /** libtorch loaded, with {@code threads} intra-op threads. */
    @State(Scope.Benchmark)
    public static class Libtorch {
        /** libtorch's intra-op threads. */
        @Param({"1"})
        public int threads;

        PtNDManager manager;

        @Setup
        public void load() {
            ai.djl.engine.Engine.getEngine("PyTorch");
            JniUtils.setNumThreads(threads);
            if (JniUtils.getNumThreads() != threads) {
                throw new IllegalStateException("libtorch has " + JniUtils.getNumThreads() + " threads, not " + threads);
            }
            manager = (PtNDManager) NDManager.newBaseManager(Device.cpu(), "PyTorch");
        }

        @TearDown
        public void close() {
            manager.close();
        }
    }

    /** Two n × n matrices, as in lesson 1. */
    @State(Scope.Benchmark)
    public static class Matrices {
        /** The side of both square matrices. */
        @Param({"64", "128", "256", "512", "1024", "2048"})
        public int n;

        NDArray a;
        NDArray b;

        @Setup
        public void inputs(Libtorch engine) {
            a = engine.manager.create(Tensor.randomNormal(1, n, n).toArray(), new Shape(n, n)); // a: [n, n]
            b = engine.manager.create(Tensor.randomNormal(2, n, n).toArray(), new Shape(n, n)); // b: [n, n]
        }
    }

    /** Query, key and value as in lesson 3, and the fused-attention module. */
    @State(Scope.Benchmark)
    public static class Attention {
        /** Sequence length T. */
        @Param({"128", "256", "512", "1024", "2048", "4096", "8192"})
        public int t;

        /** {@code none} or {@code causal}. */
        @Param({"none", "causal"})
        public String mask;

        PtNDArray q;
        PtNDArray k;
        PtNDArray v;
        boolean causal;
        Model model;
        PtSymbolBlock sdpa;

        @Setup
        public void inputs(Libtorch engine) throws IOException, MalformedModelException {
            AttentionInputs inputs = AttentionShapes.inputs(t, mask); // the very inputs our kernels get
            causal = mask.equals("causal");
            q = asNd(engine.manager, inputs.query()); // q: [B, H, T, Dk]
            k = asNd(engine.manager, inputs.key());   // k: [B, H, T, Dk]
            v = asNd(engine.manager, inputs.value()); // v: [B, H, T, Dv]
            Path folder = Files.createTempDirectory("attentionlab-sdpa");
            TorchScriptArchive.write(folder.resolve("sdpa.pt"));
            model = Model.newInstance("sdpa", Device.cpu(), "PyTorch");
            model.load(folder, "sdpa");
            sdpa = (PtSymbolBlock) model.getBlock();
        }

        @TearDown
        public void close() {
            model.close();
        }

        private static PtNDArray asNd(PtNDManager manager, Tensor tensor) {
            long[] shape = java.util.Arrays.stream(tensor.shape()).asLongStream().toArray();
            return (PtNDArray) manager.create(tensor.toArray(), new Shape(shape));
        }
    }

    @Benchmark
    public void matmul(Matrices m, Blackhole out) {
        try (NDArray c = m.a.matMul(m.b)) { // c: [n, n]
            out.consume(c);
        }
    }

    @Benchmark
    public void attention(Libtorch engine, Attention a, Blackhole out) {
        IValue[] arguments = {IValue.from(a.q), IValue.from(a.k), IValue.from(a.v), IValue.from(a.causal)};
        IValue result = a.sdpa.forward(arguments); // [B, H, T, Dv]
        try (PtNDArray output = result.toTensor(engine.manager)) {
            out.consume(output);
        } finally {
            result.close();
            for (IValue argument : arguments) {
                argument.close();
            }
        }
    }

    /**
     * Check outside JMH that the module loads and agrees with the reference kernel:
     * {@code java -Dai.djl.offline=true -cp benchmarks/target/benchmarks.jar org.attentionlab.benchmarks.peers.PyTorch}.
     */
    public static void main(String[] args) throws Exception {
        Libtorch engine = new Libtorch();
        engine.threads = 1;
        engine.load();
        for (String mask : new String[] {"none", "causal"}) {
            Attention a = new Attention();
            a.t = 33;
            a.mask = mask;
            a.inputs(engine);
            IValue result = a.sdpa.forward(IValue.from(a.q), IValue.from(a.k), IValue.from(a.v), IValue.from(a.causal));
            float[] torch = result.toTensor(engine.manager).toFloatArray(); // [1, 8, 33, 64]
            Tensor reference = org.attentionlab.api.Kernels.discover().byId(org.attentionlab.api.Kernels.REFERENCE_ID)
                    .attention(AttentionShapes.inputs(a.t, mask));
            double worst = reference.maxAbsDifference(Tensor.fromArray(torch, reference.shape()));
            System.out.printf("fused SDPA, mask %s: output %s, max |torch - reference| = %.2e%n",
                    mask, java.util.Arrays.toString(reference.shape()), worst);
            a.close();
        }
        engine.close();
    }
}
