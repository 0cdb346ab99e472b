package kz.shagym.security;

/** A stored identity could not be decrypted: unknown key, tampered or truncated value. Never carries the plain text. */
public class IdentityCryptoException extends RuntimeException {

    public IdentityCryptoException(String message) {
        super(message);
    }

    public IdentityCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
