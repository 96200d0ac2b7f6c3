/**
 * Learning the weights: the backward pass of attention, written so that each derivative can be
 * read next to its forward.
 *
 * <h2>One small class per operation, forward and backward side by side</h2>
 * {@link org.attentionlab.learning.Matmul}, {@link org.attentionlab.learning.Softmax},
 * {@link org.attentionlab.learning.Scale}, {@link org.attentionlab.learning.LinearLayer},
 * {@link org.attentionlab.learning.Heads}, {@link org.attentionlab.learning.ScaledDotProduct},
 * {@link org.attentionlab.learning.MultiHead}, {@link org.attentionlab.learning.TokenEmbedding},
 * {@link org.attentionlab.learning.LearnedPositions} and
 * {@link org.attentionlab.learning.CrossEntropy} each have a {@code forward} (the framework's own
 * layer or kernel call) and a {@code backward} that takes the gradient of the output and returns the
 * gradients of the inputs and parameters, with the formula in the class comment. Composite
 * operations call the backwards of their parts in reverse order, one commented line per step of
 * the forward, as {@code MultiHeadAttention.forward} numbers them.
 *
 * <h2>Why explicit backward functions and no tape</h2>
 * A tape (micrograd's {@code Value._backward}, PyTorch's autograd) records operations as they run
 * and replays them backwards; it is the right tool for arbitrary programs, but it hides the order
 * of the backward pass in a data structure and the derivative of each step in a closure. Attention
 * has a handful of operations in a fixed order, so here the backward of a layer is a method that a
 * student reads top to bottom: the chain rule written out, each line the mirror of a forward line.
 * The cost is that a new composite needs its backward written by hand, which is the exercise.
 *
 * <h2>On any kernel</h2>
 * Every backward is made of the kernel's primitives ({@code matmul} with the right operand as
 * stored or transposed) and element-wise arithmetic ({@link org.attentionlab.learning.Elementwise};
 * sums are products with a vector of ones), so it runs on whatever
 * {@link org.attentionlab.api.Kernel} the forward ran on. Backwards read what the forward computed
 * ({@code ScaledDotProductAttention.trace}, {@code MultiHeadAttention.trace}) instead of computing
 * it again.
 *
 * <h2>Checked</h2>
 * Every backward is checked against central finite differences of a double-precision forward by the
 * test kit's {@code GradientCheck}, which students can use for a backward of their own.
 *
 * <h2>A tiny trainer</h2>
 * {@link org.attentionlab.learning.AttentionModel} (embedding, learned positions, one multi-head
 * self-attention layer, read-out to vocabulary logits) learns a {@link org.attentionlab.learning.ToyTask}
 * whose right attention pattern is known in advance, with {@link org.attentionlab.learning.CrossEntropy}
 * and {@link org.attentionlab.learning.Adam}, in the loop of {@link org.attentionlab.learning.Trainer};
 * {@link org.attentionlab.learning.Evaluation} measures held-out accuracy and whether the maps show
 * the pattern.
 *
 * <p>Shapes use the README's vocabulary ({@code B, H, T, Tq, Tk, D, Dk, Dv, V}); every class here
 * is stateless and thread-safe except {@link org.attentionlab.learning.Adam}, which holds one
 * training run's running means.
 */
package org.attentionlab.learning;
