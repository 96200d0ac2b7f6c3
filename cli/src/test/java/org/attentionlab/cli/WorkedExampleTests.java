package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.junit.jupiter.api.Test;

class WorkedExampleTests {

    private static final Kernel KERNEL = Kernels.discover(WorkedExampleTests.class.getClassLoader(), line -> { })
            .byId("naive");

    @Test
    void theFrameworkComputesTheTrueSoftmaxOfTheCoursesNumbers() {
        WorkedExample.Result result = WorkedExample.compute(KERNEL);

        double[] scores = {2 * 1, 2 * 2, 2 * 3}; // q·k with d_k = 1, so √d_k = 1
        double sum = Math.exp(scores[0]) + Math.exp(scores[1]) + Math.exp(scores[2]);
        double output = 0;
        for (int j = 0; j < 3; j++) {
            assertEquals(scores[j], result.scores()[j], 1e-6);
            assertEquals(Math.exp(scores[j]) / sum, result.weights()[j], 1e-6);
            output += Math.exp(scores[j]) / sum * (2 * (j + 1));
        }
        assertEquals(output, result.output(), 1e-5);
    }

    @Test
    void theCoursesRoundedWeightsAreFarFromTheTrueOnes() {
        WorkedExample.Result result = WorkedExample.compute(KERNEL);
        double courseOutput = 0;
        for (int j = 0; j < 3; j++) {
            courseOutput += WorkedExample.COURSE_WEIGHTS[j] * WorkedExample.VALUES[j];
        }

        assertEquals(5.0, courseOutput, 1e-9, "the course's own arithmetic");
        assertTrue(result.output() - courseOutput > 0.5, "true output " + result.output());
        assertTrue(Math.abs(result.weights()[2] - WorkedExample.COURSE_WEIGHTS[2]) > 0.2);
    }
}
