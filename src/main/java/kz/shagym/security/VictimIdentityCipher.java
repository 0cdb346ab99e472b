package kz.shagym.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts the victim's identity and medical facts at the ledger boundary: AES-256-GCM, a fresh random 96-bit IV per value, stored as the
 * text envelope {@code v1:<keyId>:<base64(iv | ciphertext | tag)>}. The column and the row id are bound in as associated
 * data, so a ciphertext copied into another row or column fails to decrypt instead of showing the wrong person.
 * The blind index ({@code <keyId>:<hex HMAC-SHA256 of the normalized name>}) allows exact-match search by name.
 */
@Component
public class VictimIdentityCipher {

    public static final String FULL_NAME = "victim_full_name";
    public static final String BIRTH_DATE = "victim_birth_date";
    /** The medical facts (kz.shagym.complaint.MedicalFacts), each its own column, encrypted the same way. */
    public static final String MEDICAL_INJURIES = "medical_injuries";
    public static final String MEDICAL_EXAM_DATE = "medical_exam_date";
    public static final String MEDICAL_EXAM_PLACE = "medical_exam_place";
    public static final String MEDICAL_FORENSIC_EXAM = "medical_forensic_exam";
    public static final String MEDICAL_FINDINGS = "medical_findings";
    public static final List<String> MEDICAL_FIELDS = List.of(MEDICAL_INJURIES, MEDICAL_EXAM_DATE, MEDICAL_EXAM_PLACE,
            MEDICAL_FORENSIC_EXAM, MEDICAL_FINDINGS);
    /** The case file (kz.shagym.complaint.CaseFile), one envelope of its JSON. */
    public static final String CASE_FILE = "case_file";
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final IdentityKeys keys;
    private final SecureRandom random = new SecureRandom();

    public VictimIdentityCipher(IdentityKeys keys) {
        this.keys = keys;
    }

    public String activeKeyId() {
        return keys.activeId();
    }

    public String encrypt(String field, UUID rowId, String plaintext) {
        return seal(associatedData(field, rowId), plaintext);
    }

    public String decrypt(String field, UUID rowId, String envelope) {
        return open(associatedData(field, rowId), field + " of " + rowId, envelope);
    }

    /**
     * Encrypts another secret than a victim's identity (a user's TOTP seed) under the same keys, bound to its own
     * context (e.g. {@code app_user.totp_secret:<username>}), so it rotates with them and cannot be swapped between rows.
     */
    public String encryptBound(String context, String plaintext) {
        return seal(context.getBytes(StandardCharsets.UTF_8), plaintext);
    }

    public String decryptBound(String context, String envelope) {
        return open(context.getBytes(StandardCharsets.UTF_8), context, envelope);
    }

    private String seal(byte[] aad, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        String keyId = keys.activeId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, keyId, iv, aad, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] body = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(body);
    }

    private String open(byte[] aad, String what, String envelope) {
        if (envelope == null) {
            return null;
        }
        String[] parts = parse(envelope);
        byte[] body;
        try {
            body = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IdentityCryptoException("stored " + what + " is not valid base64");
        }
        if (body.length < IV_BYTES + TAG_BITS / 8) {
            throw new IdentityCryptoException("stored " + what + " is truncated");
        }
        byte[] iv = java.util.Arrays.copyOf(body, IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(body, IV_BYTES, body.length);
        return new String(gcm(Cipher.DECRYPT_MODE, parts[1], iv, aad, sealed), StandardCharsets.UTF_8);
    }

    public String encryptDate(String field, UUID rowId, LocalDate date) {
        return date == null ? null : encrypt(field, rowId, date.toString());
    }

    public LocalDate decryptDate(String field, UUID rowId, String envelope) {
        String text = decrypt(field, rowId, envelope);
        return text == null ? null : LocalDate.parse(text);
    }

    /** The blind index of a name under the active key, for storing. */
    public String nameIndex(String name) {
        return name == null ? null : nameIndex(keys.activeId(), name);
    }

    /** The blind index under every configured key: rows not yet rewritten after a rotation are still found. */
    public List<String> nameIndexes(String name) {
        return keys.ids().stream().map(id -> nameIndex(id, name)).toList();
    }

    private String nameIndex(String keyId, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.indexKey(keyId));
            return keyId + ":" + HexFormat.of().formatHex(mac.doFinal(normalizeName(name).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** One spelling per person: NFKC, lower case, ё as е, single spaces, no surrounding blanks. */
    public static String normalizeName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("\\s+", " ").strip();
    }

    public static boolean isEnvelope(String stored) {
        return stored != null && stored.startsWith(VERSION + ":") && stored.indexOf(':', VERSION.length() + 1) > 0;
    }

    /** True for values that a rotation must rewrite: written under another key, or still plain text from before V5. */
    public boolean needsRewrite(String stored) {
        return stored != null && (!isEnvelope(stored) || !parse(stored)[1].equals(keys.activeId()));
    }

    private static String[] parse(String envelope) {
        String[] parts = envelope.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !IdentityKeys.KEY_ID.matcher(parts[1]).matches()) {
            throw new IdentityCryptoException("stored value is not a " + VERSION + " identity envelope");
        }
        return parts;
    }

    private static byte[] associatedData(String field, UUID rowId) {
        return ("complaint." + field + ":" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] gcm(int mode, String keyId, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keys.encryptionKey(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IdentityCryptoException("stored identity failed authentication under key '" + keyId + "' (tampered, moved or wrong key)", e);
        } catch (GeneralSecurityException e) {
            throw new IdentityCryptoException("identity " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption") + " failed", e);
        }
    }
}
