package kz.shagym.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts files kept under the data directory (letters: every DOCX version) with AES-256-GCM under the identity key
 * set, so that a copy of the data directory shows no victim's name. Layout of a sealed file:
 * <pre>
 *   "SHAGYM-F" | 0x01 (format) | n (key id length) | key id (n ASCII bytes) | IV (12 bytes) | ciphertext | tag (16 bytes)
 * </pre>
 * The header (so the key id) and the file's {@code context} — its path relative to the data directory — are the
 * associated data: a file copied to another letter's place, or relabelled with another key id, fails to open.
 * The key id in the header is what lets a rotation find and rewrite files written under an older key.
 */
@Component
public class StoredFileCipher {

    private static final byte[] MAGIC = "SHAGYM-F".getBytes(StandardCharsets.US_ASCII);
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final IdentityKeys keys;
    private final SecureRandom random = new SecureRandom();

    public StoredFileCipher(IdentityKeys keys) {
        this.keys = keys;
    }

    public String activeKeyId() {
        return keys.activeId();
    }

    /** Encrypts under the active key; {@code context} names the file (e.g. its relative path) and must be given again to open it. */
    public byte[] seal(byte[] plain, String context) {
        String keyId = keys.activeId();
        byte[] header = header(keyId);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, keyId, iv, associatedData(header, context), plain, context);
        return ByteBuffer.allocate(header.length + IV_BYTES + sealed.length).put(header).put(iv).put(sealed).array();
    }

    /** Decrypts a sealed file under whichever configured key its header names. */
    public byte[] open(byte[] stored, String context) {
        String keyId = keyId(stored).orElseThrow(() -> new IdentityCryptoException("stored file " + context + " is not sealed"));
        int headerLength = MAGIC.length + 2 + keyId.length();
        if (stored.length < headerLength + IV_BYTES + TAG_BITS / 8) {
            throw new IdentityCryptoException("stored file " + context + " is truncated");
        }
        byte[] header = Arrays.copyOf(stored, headerLength);
        byte[] iv = Arrays.copyOfRange(stored, headerLength, headerLength + IV_BYTES);
        byte[] sealed = Arrays.copyOfRange(stored, headerLength + IV_BYTES, stored.length);
        return gcm(Cipher.DECRYPT_MODE, keyId, iv, associatedData(header, context), sealed, context);
    }

    /** True when the bytes start with this cipher's header (anything else was stored before encryption, or is foreign). */
    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length > MAGIC.length + 1 && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                && stored[MAGIC.length] == FORMAT;
    }

    /** The id of the key a sealed file was written under; empty for plain bytes. Needs only the first 42 bytes. */
    public static Optional<String> keyId(byte[] stored) {
        if (!isSealed(stored)) {
            return Optional.empty();
        }
        int length = stored[MAGIC.length + 1];
        int start = MAGIC.length + 2;
        if (length < 1 || stored.length < start + length) {
            throw new IdentityCryptoException("stored file has a damaged header");
        }
        String id = new String(stored, start, length, StandardCharsets.US_ASCII);
        if (!IdentityKeys.KEY_ID.matcher(id).matches()) {
            throw new IdentityCryptoException("stored file has a damaged header");
        }
        return Optional.of(id);
    }

    /** The longest header a sealed file can have: enough bytes to tell {@link #needsRewrite} the answer. */
    public static int maxHeaderLength() {
        return MAGIC.length + 2 + 32;
    }

    /** True for files a rotation must rewrite: plain (written before encryption) or sealed under a key that is not the active one. */
    public boolean needsRewrite(byte[] storedOrItsHeader) {
        return keyId(storedOrItsHeader).map(id -> !id.equals(keys.activeId())).orElse(true);
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(MAGIC.length + 2 + id.length).put(MAGIC).put(FORMAT).put((byte) id.length).put(id).array();
    }

    private static byte[] associatedData(byte[] header, String context) {
        byte[] name = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + 1 + name.length).put(header).put((byte) 0).put(name).array();
    }

    private byte[] gcm(int mode, String keyId, byte[] iv, byte[] aad, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keys.fileKey(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IdentityCryptoException("stored file " + context + " failed authentication under key '" + keyId
                    + "' (tampered, moved or wrong key)", e);
        } catch (GeneralSecurityException e) {
            throw new IdentityCryptoException("file " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption") + " failed", e);
        }
    }
}
