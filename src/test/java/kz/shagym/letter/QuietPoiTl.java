package kz.shagym.letter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** poi-tl logs each tag at INFO/DEBUG; tests and the benchmark keep it at WARN (production: LetterConfiguration). */
public final class QuietPoiTl {
    private QuietPoiTl() {
    }

    public static void apply() {
        if (LoggerFactory.getLogger("com.deepoove.poi") instanceof Logger logback) {
            logback.setLevel(Level.WARN);
        }
    }
}
