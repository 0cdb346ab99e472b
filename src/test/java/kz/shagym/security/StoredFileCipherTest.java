package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The letter files' cipher alone: round trip, the key id in the header, tampering, a file moved to another place. */
class StoredFileCipherTest {

    private static final byte[] K1 = Base64.getDecoder().decode("q6bJ2J6k0v1zq3mZ0cJw0k1D6m9oB4mQ3hZ7dE3xT1A=");
    private static final byte[] K2 = Base64.getDecoder().decode("3C8n0mQ8Zp4d2qY7yK1vW5tR9sL0eH6jF2gA4bN8cD0=");
    private static final byte[] LETTER = "PK\u0003\u0004 Жақсылықов Ерлан Төлеуұлы".getBytes(StandardCharsets.UTF_8);
    private static final String PLACE = "c1/l1-v1.docx";

    private static StoredFileCipher cipher(Map<String, byte[]> keys, String active) {
        return new StoredFileCipher(new IdentityKeys(keys, active));
    }

    @Test
    void aSealedFileNamesItsKeyOpensToTheSameBytesAndDiffersEachTime() {
        StoredFileCipher cipher = cipher(Map.of("k1", K1), "k1");
        byte[] sealed = cipher.seal(LETTER, PLACE);

        assertThat(new String(sealed, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("SHAGYM-F");
        assertThat(StoredFileCipher.isSealed(sealed)).isTrue();
        assertThat(StoredFileCipher.keyId(sealed)).contains("k1");
        // The whole zip signature and the name, not a bare "PK": two random bytes of ciphertext spell that now and then.
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PK\u0003\u0004")
                .doesNotContain(new String("Жақсылықов".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        assertThat(cipher.open(sealed, PLACE)).isEqualTo(LETTER);
        assertThat(cipher.seal(LETTER, PLACE)).isNotEqualTo(sealed);
    }

    @Test
    void aTamperedRelabelledOrMovedFileFailsInsteadOfShowingSomethingElse() {
        StoredFileCipher cipher = cipher(Map.of("k1", K1, "k2", K2), "k1");
        byte[] sealed = cipher.seal(LETTER, PLACE);

        byte[] flipped = sealed.clone();
        flipped[flipped.length - 20] ^= 1;
        assertThatThrownBy(() -> cipher.open(flipped, PLACE)).isInstanceOf(IdentityCryptoException.class)
                .hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> cipher.open(sealed, "c2/l2-v1.docx")).as("copied over another letter")
                .isInstanceOf(IdentityCryptoException.class);
        byte[] relabelled = sealed.clone();
        relabelled[11] = '2'; // "k1" → "k2" in the header
        assertThatThrownBy(() -> cipher.open(relabelled, PLACE)).isInstanceOf(IdentityCryptoException.class);
        assertThatThrownBy(() -> cipher.open(Arrays.copyOf(sealed, 30), PLACE)).hasMessageContaining("truncated");
        assertThatThrownBy(() -> cipher.open(LETTER, PLACE)).isInstanceOf(IdentityCryptoException.class)
                .hasMessageContaining("not sealed").hasMessageNotContaining("Жақсылықов");
    }

    @Test
    void afterARotationOldFilesStillOpenAndAreTheOnesToRewrite() {
        byte[] underOld = cipher(Map.of("k1", K1), "k1").seal(LETTER, PLACE);
        StoredFileCipher rotated = cipher(Map.of("k1", K1, "k2", K2), "k2");
        byte[] underNew = rotated.seal(LETTER, PLACE);

        assertThat(rotated.open(underOld, PLACE)).isEqualTo(LETTER);
        assertThat(rotated.needsRewrite(underOld)).isTrue();
        assertThat(rotated.needsRewrite(LETTER)).as("plain, from before encryption").isTrue();
        assertThat(rotated.needsRewrite(Arrays.copyOf(underNew, StoredFileCipher.maxHeaderLength()))).isFalse();
        assertThatThrownBy(() -> cipher(Map.of("k1", K1), "k1").open(underNew, PLACE))
                .isInstanceOf(IdentityCryptoException.class).hasMessageContaining("no key with id 'k2'");
    }

    @Test
    void theFileKeyIsNotTheColumnKey() {
        IdentityKeys keys = new IdentityKeys(Map.of("k1", K1), "k1");
        assertThat(keys.fileKey("k1").getEncoded()).isNotEqualTo(keys.encryptionKey("k1").getEncoded());
    }
}
