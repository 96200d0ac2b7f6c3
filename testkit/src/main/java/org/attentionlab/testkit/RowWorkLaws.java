package org.attentionlab.testkit;


import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For a kernel that is a {@link SplittableKernel} (what a parallel kernel splits over threads):
 * the rows of its {@link RowWork} are bit for bit the same however they are grouped, computed all
 * at once or in ranges of random sizes in random order, and {@link RowWork#compute} writes its
 * range and nothing else. Kernels that are not splittable skip these laws.
 */
public interface RowWorkLaws extends KernelUnderTest {

    /** {@link SplittableKernel#matmulRows}: rows of {@code C} do not depend on how they are grouped. */
    @TestFactory
    default Stream<DynamicTest> matmulRowsAreIndependentOfTheGrouping() {
        SplittableKernel kernel = splittable(kernel());
        List<MatmulCase> cases = MatmulCase.random(ForAll.seed(), ForAll.tries(Budget.ROW_WORK_TRIES), RightOperand.AS_IS);
        return ForAll.cases(cases.stream().map(c -> c.seed() % 2 == 0 ? c : new MatmulCase(c.leading(), c.m(), c.k(),
                c.n(), c.rightShared(), RightOperand.TRANSPOSED, c.seed())).toList(), c -> {
                    RowGrouping.assertIndependent("matmulRows", kernel.matmulRows(c.left(), c.right(), c.operand()),
                            kernel.matmul(c.left(), c.right(), c.operand()).shape(), c.seed());
                });
    }

    /** {@link SplittableKernel#softmaxRows}: rows of weights do not depend on how they are grouped. */
    @TestFactory
    default Stream<DynamicTest> softmaxRowsAreIndependentOfTheGrouping() {
        SplittableKernel kernel = splittable(kernel());
        return ForAll.cases(SoftmaxCase.random(ForAll.seed(), ForAll.tries(Budget.ROW_WORK_TRIES),
                EnumSet.allOf(MaskKind.class), 1, 10), c -> {
                    float scale = c.seed() % 2 == 0 ? 1f : 0.25f;
                    RowGrouping.assertIndependent("softmaxRows", kernel.softmaxRows(c.scores(), scale, c.mask()),
                            c.shapeArray(), c.seed());
                });
    }

    /** {@link SplittableKernel#attentionRows}: rows of the output do not depend on how they are grouped. */
    @TestFactory
    default Stream<DynamicTest> attentionRowsAreIndependentOfTheGrouping() {
        SplittableKernel kernel = splittable(kernel());
        return ForAll.cases(AttentionCase.forKernels(ForAll.seed(), ForAll.tries(Budget.ROW_WORK_TRIES),
                MaskKind.values()), c -> {
                    var inputs = c.inputs();
                    RowGrouping.assertIndependent("attentionRows", kernel.attentionRows(inputs), inputs.outputShape(), c.seed());
                });
    }

    /**
     * {@link RowWork#prepare}: the pieces of the preparation (packing, for example) may run in any
     * order, as they do on several threads, and give the rows {@link RowWork#computeAll} gives.
     * Checked on matmul and attention cases; skipped if the kernel's work has no pieces.
     */
    @TestFactory
    default Stream<DynamicTest> preparationPiecesRunInAnyOrder() {
        SplittableKernel kernel = splittable(kernel());
        List<MatmulCase> products = MatmulCase.random(ForAll.seed(), ForAll.tries(Budget.ROW_WORK_TRIES), RightOperand.AS_IS);
        List<AttentionCase> attentions = AttentionCase.forKernels(ForAll.seed(), ForAll.tries(Budget.ROW_WORK_TRIES),
                MaskKind.values());
        boolean anyPieces = products.stream().anyMatch(c -> kernel.matmulRows(c.left(), c.right(), c.operand())
                .preparationPieces() > 1) || attentions.stream().anyMatch(c -> kernel.attentionRows(c.inputs())
                .preparationPieces() > 1);
        if (!anyPieces) {
            Assumptions.abort(kernel.id() + "'s work has no preparation in pieces");
        }
        return Stream.concat(
                ForAll.cases(products, c -> RowGrouping.assertPreparedInAnyOrder("matmulRows",
                        () -> kernel.matmulRows(c.left(), c.right(), c.operand()), c.seed())),
                ForAll.cases(attentions, c -> RowGrouping.assertPreparedInAnyOrder("attentionRows",
                        () -> kernel.attentionRows(c.inputs()), c.seed())));
    }

    private static SplittableKernel splittable(Kernel kernel) {
        if (!(kernel instanceof SplittableKernel)) {
            Assumptions.abort(kernel.id() + " is not a SplittableKernel: no RowWork to check");
        }
        return (SplittableKernel) kernel;
    }
}
