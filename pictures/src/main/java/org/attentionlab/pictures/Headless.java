package org.attentionlab.pictures;

/**
 * Makes sure pictures can be drawn without a display (a notebook kernel, CI, an SSH session).
 *
 * <p>AWT decides once, on first use, whether it is headless. Drawing into a {@code BufferedImage}
 * needs no window, but on a machine without a display a non-headless AWT fails as soon as it
 * looks for one. So before the first picture is drawn, {@code java.awt.headless} is set to
 * {@code true} unless the user has already chosen a value (which is then left alone).
 */
final class Headless {

    static final String PROPERTY = "java.awt.headless";

    private Headless() {
    }

    /** Sets {@code java.awt.headless=true} if nobody has set it; call before any AWT drawing. */
    static void ensure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
