package org.attentionlab.testkit;

import org.attentionlab.api.Kernel;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * The reference every kernel law compares with: the naive kernel, constructed here and not asked
 * of the class under test. A contract test that could name its own oracle could compare a kernel
 * with itself, and every agreement law would pass whatever the kernel computes; the grading
 * report an instructor collects would then say nothing.
 */
final class Oracle {

    /** Stateless and thread-safe, so one instance serves every law. */
    static final Kernel NAIVE = new NaiveKernel();

    private Oracle() {
    }
}
