package org.attentionlab.benchmarks.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes, from Java and without Python, the TorchScript module archive ({@code torch.jit.save}'s
 * format) of a module whose forward is PyTorch's fused attention:
 *
 * <pre>
 * class Sdpa(Module):
 *   def forward(self, q, k, v, is_causal: bool) -> Tensor:
 *     return torch.scaled_dot_product_attention(q, k, v, None, 0., is_causal)
 * </pre>
 *
 * DJL's NDArray API has no fused attention, but DJL loads TorchScript, and this call runs
 * libtorch's flash-attention CPU kernel, as a PyTorch user's model would.
 *
 * <h2>The format</h2>
 * A zip archive whose entries all sit in one folder (its name is the archive's name):
 * <ul>
 *   <li>{@code version}: the file-format version in decimal ASCII; 3 is the oldest that current
 *       PyTorch still writes, and it needs no upgraders for the one operator used here;</li>
 *   <li>{@code byteorder}: {@code little}, the byte order of tensor data (there is none here);</li>
 *   <li>{@code code/__torch__.py}: the module's class as TorchScript source, the qualified name
 *       {@code __torch__.Sdpa} telling the loader which file to compile;</li>
 *   <li>{@code data.pkl}: the module object, pickled (protocol 2): the class as a global, an
 *       empty argument tuple, {@code NEWOBJ}, then its attributes as a dict and {@code BUILD}. A
 *       module's one attribute here is {@code training}; the loader requires a value for every
 *       attribute the class declares;</li>
 *   <li>{@code constants.pkl}: the tensor constants the code refers to, a pickled tuple (empty).</li>
 * </ul>
 * Entries are stored uncompressed, as {@code torch.jit.save} stores them.
 */
public final class TorchScriptArchive {

    /** The class, its qualified name {@code __torch__.Sdpa} placing it in {@code code/__torch__.py}. */
    static final String SOURCE = String.join("\n",
            "class Sdpa(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.Sdpa,",
            "    q: Tensor,",
            "    k: Tensor,",
            "    v: Tensor,",
            "    is_causal: bool) -> Tensor:",
            "    return torch.scaled_dot_product_attention(q, k, v, None, 0., is_causal)",
            "");

    private TorchScriptArchive() {
    }

    /** Writes the archive to {@code file} (conventionally {@code name.pt}). */
    public static void write(Path file) throws IOException {
        String folder = "sdpa/";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(folder + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        entries.put(folder + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        entries.put(folder + "code/__torch__.py", SOURCE.getBytes(StandardCharsets.UTF_8));
        entries.put(folder + "data.pkl", moduleObject());
        entries.put(folder + "constants.pkl", emptyTuple());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(stored(entry.getKey(), entry.getValue()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    /** {@code __torch__.Sdpa()} with {@code training = False}, as pickle protocol 2. */
    static byte[] moduleObject() {
        Pickle p = new Pickle();
        p.global("__torch__", "Sdpa");
        p.op(Pickle.EMPTY_TUPLE).op(Pickle.NEWOBJ); // Sdpa.__new__(Sdpa)
        p.op(Pickle.EMPTY_DICT).op(Pickle.MARK);    // its state: {
        p.string("training").op(Pickle.NEWFALSE);   //   "training": False
        p.op(Pickle.SETITEMS).op(Pickle.BUILD);     // }, set on the object
        return p.stop();
    }

    /** {@code ()}: no tensor constants. */
    static byte[] emptyTuple() {
        return new Pickle().op(Pickle.EMPTY_TUPLE).stop();
    }

    private static ZipEntry stored(String name, byte[] data) {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setMethod(ZipEntry.STORED); // stored entries need size and CRC up front
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        return entry;
    }

    /** The few pickle opcodes a module object needs (Python's {@code pickletools} documents them all). */
    private static final class Pickle {
        static final int MARK = '(';
        static final int EMPTY_TUPLE = ')';
        static final int EMPTY_DICT = '}';
        static final int SETITEMS = 'u';
        static final int BUILD = 'b';
        static final int NEWOBJ = 0x81;
        static final int NEWFALSE = 0x89;
        private static final int PROTO = 0x80;
        private static final int GLOBAL = 'c';
        private static final int BINUNICODE = 'X';
        private static final int STOP = '.';

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Pickle() {
            op(PROTO).op(2);
        }

        Pickle op(int code) {
            bytes.write(code);
            return this;
        }

        /** {@code GLOBAL module\nname\n}: a class by qualified name. */
        Pickle global(String module, String name) {
            op(GLOBAL);
            bytes.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        /** {@code BINUNICODE}: a 4-byte little-endian length, then UTF-8. */
        Pickle string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            op(BINUNICODE);
            for (int shift = 0; shift < 32; shift += 8) {
                bytes.write(utf8.length >>> shift & 0xff);
            }
            bytes.writeBytes(utf8);
            return this;
        }

        byte[] stop() {
            op(STOP);
            return bytes.toByteArray();
        }
    }
}
