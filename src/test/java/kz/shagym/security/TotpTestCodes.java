package kz.shagym.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** What the user's authenticator app does: the code of a base32 secret at a moment, made by the library. */
public final class TotpTestCodes {

    private static final Duration STEP = Duration.ofSeconds(30);

    private TotpTestCodes() {
    }

    public static String at(String base32Secret, Instant when) {
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP).generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"), when, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code {@code steps} time steps from now (negative: earlier). */
    public static String stepsFromNow(String base32Secret, int steps) {
        return at(base32Secret, Instant.now().plus(STEP.multipliedBy(steps)));
    }

    /** A six-digit code that is none of the valid ones around now. */
    public static String wrong(String base32Secret) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", (candidate * 7919 + 123456) % 1_000_000);
            boolean valid = false;
            for (int s = -2; s <= 2; s++) {
                valid |= code.equals(stepsFromNow(base32Secret, s));
            }
            if (!valid) {
                return code;
            }
        }
    }

    /**
     * Waits, if needed, until the current step has at least 5 seconds left, so that a code made now is judged by the
     * server in the same step (a test about drift must not be decided by a step changing under it).
     */
    public static void awaitFreshStep() {
        long intoStep = System.currentTimeMillis() % STEP.toMillis();
        if (intoStep > STEP.toMillis() - 5_000) {
            try {
                Thread.sleep(STEP.toMillis() - intoStep + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
