package org.attentionlab.api;

/**
 * Kernel providers for {@link KernelsTests}, good and broken. They are public and have public
 * no-argument constructors so that {@link java.util.ServiceLoader} can instantiate them; their
 * arithmetic is never called.
 */
public final class FakeKernels {

    private FakeKernels() {
    }

    /** A kernel with a fixed id and priority and no arithmetic. */
    abstract static class Fake implements Kernel {
        private final String id;
        private final int priority;

        Fake(String id, int priority) {
            this.id = id;
            this.priority = priority;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
            throw new UnsupportedOperationException("test kernel");
        }

        @Override
        public Tensor softmax(Tensor scores, float scale, Mask mask) {
            throw new UnsupportedOperationException("test kernel");
        }
    }

    public static final class FakeA extends Fake {
        public FakeA() {
            super("fake-a", 5);
        }
    }

    public static final class FakeB extends Fake {
        public FakeB() {
            super("fake-b", 7);
        }
    }

    /** Same priority as {@link FakeA}: the tie is broken by id. */
    public static final class FakeC extends Fake {
        public FakeC() {
            super("fake-c", 5);
        }
    }

    /** Claims {@link FakeA}'s id, with a higher priority that must not help it. */
    public static final class DuplicateOfA extends Fake {
        public DuplicateOfA() {
            super("fake-a", 99);
        }
    }

    /** A plugin that takes the reference kernel's id: it must never replace the oracle. */
    public static final class ClaimsReferenceId extends Fake {
        public ClaimsReferenceId() {
            super(Kernels.REFERENCE_ID, 99);
        }
    }

    public static final class BlankId extends Fake {
        public BlankId() {
            super("  ", 1);
        }
    }

    public static final class ThrowingConstructor extends Fake {
        public ThrowingConstructor() {
            super("never", 1);
            throw new IllegalStateException("constructor failed on purpose");
        }
    }

    public static final class MultiLineConstructorFailure extends Fake {
        public MultiLineConstructorFailure() {
            super("never", 1);
            throw new IllegalStateException("first line\nsecond line\r\nthird line");
        }
    }

    /** ServiceLoader cannot construct this one: it has no no-argument constructor. */
    public static final class NoNoArgConstructor extends Fake {
        public NoNoArgConstructor(String id) {
            super(id, 1);
        }
    }

    public static final class ThrowingId extends Fake {
        public ThrowingId() {
            super("unused", 1);
        }

        @Override
        public String id() {
            throw new IllegalStateException("id failed on purpose");
        }
    }
}
