package org.attentionlab.learning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.attentionlab.api.Tensor;

/**
 * What a training run did: the loss at every step, the model before and after, and how both do
 * on the held-out sequences.
 *
 * @param settings      what was trained
 * @param losses        the batch loss of every step
 * @param initial       the model before the first step
 * @param trained       the model after the last step
 * @param heldOut       sequences never seen in training
 * @param before        {@code initial} on the held-out sequences
 * @param after         {@code trained} on the held-out sequences
 * @param trainingNanos wall time of the run, evaluation included
 */
public record TrainingResult(TrainingSettings settings, double[] losses, AttentionModel initial, AttentionModel trained,
                             List<ToyTask.Example> heldOut, Evaluation before, Evaluation after, long trainingNanos) {

    public TrainingResult {
        Objects.requireNonNull(settings, "settings");
        losses = losses.clone();
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(trained, "trained");
        heldOut = List.copyOf(heldOut);
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** The attention map {@code [T, T]} (averaged over heads) of held-out sequence {@code i} before training. */
    public Tensor mapBefore(int i) {
        return Evaluation.attentionMap(initial, heldOut.get(i));
    }

    /** The same after training. */
    public Tensor mapAfter(int i) {
        return Evaluation.attentionMap(trained, heldOut.get(i));
    }

    /** The maps of held-out sequence {@code i} after training, head by head: {@code [H, T, T]}. */
    public Tensor headMapsAfter(int i) {
        return Evaluation.headMaps(trained, heldOut.get(i));
    }

    /**
     * The trained model on the held-out sequences at the task's decisive query row alone (the
     * pronoun's, {@link ToyTask#decisiveQuery}); empty for tasks in which every row matters alike.
     */
    public Optional<Evaluation> afterAtDecisiveQuery() {
        return atDecisiveQuery(trained);
    }

    /** The same before training. */
    public Optional<Evaluation> beforeAtDecisiveQuery() {
        return atDecisiveQuery(initial);
    }

    private Optional<Evaluation> atDecisiveQuery(AttentionModel model) {
        var query = settings.task().decisiveQuery();
        return query.isPresent() ? Optional.of(Evaluation.atQuery(model, heldOut, query.getAsInt())) : Optional.empty();
    }

    /** Wall time in seconds. */
    public double seconds() {
        return trainingNanos / 1e9;
    }

    /** One line: task, steps, time, held-out accuracy and pattern (and at the decisive row, if the task has one). */
    public String summary() {
        String all = String.format(java.util.Locale.ROOT, "%s: %d steps in %.1f s; held-out %s (before training: %s)",
                settings.task().name().toLowerCase(java.util.Locale.ROOT), settings.steps(), seconds(), after, before);
        return all + afterAtDecisiveQuery().map(at -> "; at row " + settings.task().decisiveQuery().getAsInt()
                + " alone: " + at + " (before: " + beforeAtDecisiveQuery().orElseThrow() + ")").orElse("");
    }
}
