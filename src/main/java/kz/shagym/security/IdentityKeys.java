package kz.shagym.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys protecting victims' identities, by id; one is active for new writes, the others remain only to read
 * (and rewrite) older rows and files. Each master key is never used directly: separate sub-keys for the columns, for the
 * blind name index and for stored files are derived with HKDF-SHA256, so no sub-key can stand in for another.
 */
public final class IdentityKeys {

    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final byte[] ENCRYPTION_INFO = "shagym/victim-identity/aes-256-gcm/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INDEX_INFO = "shagym/victim-identity/name-index/hmac-sha256/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FILE_INFO = "shagym/stored-file/aes-256-gcm/v1".getBytes(StandardCharsets.UTF_8);

    private final Map<String, SecretKey> encryptionKeys = new LinkedHashMap<>();
    private final Map<String, SecretKey> indexKeys = new LinkedHashMap<>();
    private final Map<String, SecretKey> fileKeys = new LinkedHashMap<>();
    private final String activeId;

    public IdentityKeys(Map<String, byte[]> masterKeys, String activeId) {
        if (!masterKeys.containsKey(activeId)) {
            throw new IllegalArgumentException("the active key '" + activeId + "' is not among the configured keys " + masterKeys.keySet());
        }
        masterKeys.forEach(this::add);
        this.activeId = activeId;
    }

    private void add(String id, byte[] master) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id '" + id + "' must be 1–32 letters, digits, _ or -");
        }
        if (master.length != 32) {
            throw new IllegalArgumentException("key '" + id + "' must be 32 bytes (256 bits, base64-encoded), not " + master.length);
        }
        encryptionKeys.put(id, new SecretKeySpec(hkdf(master, ENCRYPTION_INFO), "AES"));
        indexKeys.put(id, new SecretKeySpec(hkdf(master, INDEX_INFO), "HmacSHA256"));
        fileKeys.put(id, new SecretKeySpec(hkdf(master, FILE_INFO), "AES"));
    }

    public String activeId() {
        return activeId;
    }

    public Set<String> ids() {
        return Collections.unmodifiableSet(encryptionKeys.keySet());
    }

    SecretKey encryptionKey(String id) {
        SecretKey key = encryptionKeys.get(id);
        if (key == null) {
            throw new IdentityCryptoException("no key with id '" + id + "' is configured (shagym.crypto.keys." + id + ")");
        }
        return key;
    }

    /** The sub-key for files stored under the data directory (letters): a file key never decrypts a column and vice versa. */
    SecretKey fileKey(String id) {
        SecretKey key = fileKeys.get(id);
        if (key == null) {
            throw new IdentityCryptoException("no key with id '" + id + "' is configured (shagym.crypto.keys." + id + ")");
        }
        return key;
    }

    SecretKey indexKey(String id) {
        return indexKeys.get(id);
    }

    /** RFC 5869 with an all-zero salt, one output block: 32 bytes. */
    static byte[] hkdf(byte[] inputKey, byte[] info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
