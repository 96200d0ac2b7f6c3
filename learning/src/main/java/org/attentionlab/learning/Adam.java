package org.attentionlab.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.attentionlab.api.Tensor;

/**
 * The Adam optimiser (Kingma and Ba 2015, Algorithm 1), the one Vaswani et al. (2017) train with
 * (section 5.3). For every parameter θ with gradient g, at step t = 1, 2, ...:
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g          running mean of the gradient (momentum)
 *   v ← β2·v + (1 − β2)·g²         running mean of its square
 *   m̂ = m / (1 − β1ᵗ),  v̂ = v / (1 − β2ᵗ)     corrected for starting at 0
 *   θ ← θ − lr · m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>Each parameter moves by about {@code lr} per step whatever the scale of its gradient, which is
 * why Adam trains a small attention model from scratch without tuning per layer.
 *
 * <p>Holds the running means, so one instance belongs to one training run and is not thread-safe.
 * The parameters are given and returned as lists of tensors in a fixed order.
 */
public final class Adam {

    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final List<float[]> means = new ArrayList<>();
    private final List<float[]> squares = new ArrayList<>();
    private int step;

    /** With the usual β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam(float learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f);
    }

    public Adam(float learningRate, float beta1, float beta2, float epsilon) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam: need lr > 0, 0 <= β1, β2 < 1, ε > 0; got lr=" + learningRate
                    + ", β1=" + beta1 + ", β2=" + beta2 + ", ε=" + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /**
     * One step: the parameters moved against their gradients.
     *
     * @param parameters the current parameters, in the same order at every step
     * @param gradients  one gradient per parameter, shaped as it
     * @return the new parameters, in the same order
     */
    public List<Tensor> step(List<Tensor> parameters, List<Tensor> gradients) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(gradients, "gradients");
        if (parameters.size() != gradients.size() || (step > 0 && parameters.size() != means.size())) {
            throw new IllegalArgumentException("Adam.step: " + parameters.size() + " parameters, " + gradients.size()
                    + " gradients" + (step > 0 ? ", " + means.size() + " at the previous step" : ""));
        }
        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        List<Tensor> updated = new ArrayList<>(parameters.size());
        for (int p = 0; p < parameters.size(); p++) {
            Tensor theta = parameters.get(p);
            Tensor g = gradients.get(p);
            Shapes.require("Adam.step", "gradient " + p, g, theta.shape());
            if (means.size() <= p) {
                means.add(new float[theta.size()]);
                squares.add(new float[theta.size()]);
            }
            float[] m = means.get(p);
            float[] v = squares.get(p);
            var x = theta.values();
            var dx = g.values();
            updated.add(Tensor.generate(theta.shape(), out -> {
                for (int i = 0; i < out.size(); i++) {
                    float gi = dx.get(i);
                    m[i] = beta1 * m[i] + (1 - beta1) * gi;
                    v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                    double mHat = m[i] / correction1;
                    double vHat = v[i] / correction2;
                    out.set(i, (float) (x.get(i) - learningRate * mHat / (Math.sqrt(vHat) + epsilon)));
                }
            }));
        }
        return updated;
    }

    /** The number of steps taken so far. */
    public int steps() {
        return step;
    }

    @Override
    public String toString() {
        return "Adam[lr=" + learningRate + ", β1=" + beta1 + ", β2=" + beta2 + ", ε=" + epsilon + ", step " + step
                + ", " + means.size() + " parameters]";
    }
}
