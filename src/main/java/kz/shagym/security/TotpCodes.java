package kz.shagym.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 codes as every authenticator app makes them by default: HMAC-SHA1, 6 digits, 30-second steps, a 160-bit
 * secret shown as base32. Codes come from java-otp; this class adds what a login needs: which step a code belongs to
 * (so that the caller can refuse a replay) within one step of drift either way, compared in constant time.
 */
final class TotpCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** A phone's clock a little off, or a code typed just as it changed: one step either side is accepted. */
    static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TotpCodes() {
    }

    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new Base32().encodeAsString(secret).replace("=", "");
    }

    /** The key-URI that authenticator apps read (as a QR code or pasted): otpauth://totp/Issuer:account?secret=… */
    static String otpauthUri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The shape of a code as an app shows it: {@value #DIGITS} digits, blanks around them allowed. */
    static boolean wellFormed(String code) {
        return code != null && code.strip().matches("\\d{" + DIGITS + "}");
    }

    /** The step, within {@link #DRIFT_STEPS} of now, whose code this is; empty when it is no such code. */
    static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        if (!wellFormed(code)) {
            return OptionalLong.empty();
        }
        byte[] presented = code.strip().getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        OptionalLong match = OptionalLong.empty();
        // every candidate is compared, so the time taken does not tell which step matched
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (MessageDigest.isEqual(presented, code(base32Secret, step).getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    static String code(String base32Secret, long step) {
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP, DIGITS)
                    .generateOneTimePasswordString(key(base32Secret), Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("TOTP secret is not a usable HMAC key", e);
        }
    }

    private static SecretKeySpec key(String base32Secret) {
        return new SecretKeySpec(new Base32().decode(base32Secret), TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
