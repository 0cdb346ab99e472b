package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cipher alone: round trip, tampering, unknown keys, rotation, the blind index's normalization, key file rules. */
class VictimIdentityCipherTest {

    private static final byte[] K1 = Base64.getDecoder().decode("q6bJ2J6k0v1zq3mZ0cJw0k1D6m9oB4mQ3hZ7dE3xT1A=");
    private static final byte[] K2 = Base64.getDecoder().decode("3C8n0mQ8Zp4d2qY7yK1vW5tR9sL0eH6jF2gA4bN8cD0=");
    private static final String NAME = "Жақсылықов Ерлан Төлеуұлы";
    private final UUID row = UUID.randomUUID();

    private static VictimIdentityCipher cipher(Map<String, byte[]> keys, String active) {
        return new VictimIdentityCipher(new IdentityKeys(keys, active));
    }

    @Test
    void roundTripWithAFreshIvEachTime() {
        VictimIdentityCipher cipher = cipher(Map.of("k1", K1), "k1");
        String first = cipher.encrypt(VictimIdentityCipher.FULL_NAME, row, NAME);
        String second = cipher.encrypt(VictimIdentityCipher.FULL_NAME, row, NAME);
        assertThat(first).startsWith("v1:k1:").doesNotContain(NAME).isNotEqualTo(second);
        assertThat(cipher.decrypt(VictimIdentityCipher.FULL_NAME, row, first)).isEqualTo(NAME);
        String date = cipher.encryptDate(VictimIdentityCipher.BIRTH_DATE, row, LocalDate.of(1980, 2, 3));
        assertThat(cipher.decryptDate(VictimIdentityCipher.BIRTH_DATE, row, date)).isEqualTo(LocalDate.of(1980, 2, 3));
        assertThat(cipher.encrypt(VictimIdentityCipher.FULL_NAME, row, null)).isNull();
    }

    @Test
    void aTamperedOrMovedValueFailsInsteadOfShowingSomethingElse() {
        VictimIdentityCipher cipher = cipher(Map.of("k1", K1), "k1");
        String envelope = cipher.encrypt(VictimIdentityCipher.FULL_NAME, row, NAME);
        byte[] body = Base64.getDecoder().decode(envelope.substring("v1:k1:".length()));
        body[20] ^= 1;
        String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(body);
        assertThatThrownBy(() -> cipher.decrypt(VictimIdentityCipher.FULL_NAME, row, tampered))
                .isInstanceOf(IdentityCryptoException.class).hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> cipher.decrypt(VictimIdentityCipher.FULL_NAME, UUID.randomUUID(), envelope))
                .as("copied into another row").isInstanceOf(IdentityCryptoException.class);
        assertThatThrownBy(() -> cipher.decrypt(VictimIdentityCipher.BIRTH_DATE, row, envelope))
                .as("copied into another column").isInstanceOf(IdentityCryptoException.class);
        assertThatThrownBy(() -> cipher.decrypt(VictimIdentityCipher.FULL_NAME, row, "v1:k1:AAAA"))
                .isInstanceOf(IdentityCryptoException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> cipher.decrypt(VictimIdentityCipher.FULL_NAME, row, NAME))
                .isInstanceOf(IdentityCryptoException.class).hasMessageNotContaining(NAME);
    }

    @Test
    void aWrongOrUnknownKeyIdFails() {
        String envelope = cipher(Map.of("k1", K1), "k1").encrypt(VictimIdentityCipher.FULL_NAME, row, NAME);
        assertThatThrownBy(() -> cipher(Map.of("k2", K2), "k2").decrypt(VictimIdentityCipher.FULL_NAME, row, envelope))
                .isInstanceOf(IdentityCryptoException.class).hasMessageContaining("no key with id 'k1'");
        String relabelled = envelope.replace("v1:k1:", "v1:k2:");
        assertThatThrownBy(() -> cipher(Map.of("k1", K1, "k2", K2), "k2").decrypt(VictimIdentityCipher.FULL_NAME, row, relabelled))
                .isInstanceOf(IdentityCryptoException.class).hasMessageContaining("failed authentication");
    }

    @Test
    void afterRotationOldValuesAreReadAndFlaggedForRewriteUnderTheActiveKey() {
        String old = cipher(Map.of("k1", K1), "k1").encrypt(VictimIdentityCipher.FULL_NAME, row, NAME);
        VictimIdentityCipher rotated = cipher(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(rotated.needsRewrite(old)).isTrue();
        assertThat(rotated.needsRewrite(NAME)).as("plain text from before V5").isTrue();
        String rewritten = rotated.encrypt(VictimIdentityCipher.FULL_NAME, row, rotated.decrypt(VictimIdentityCipher.FULL_NAME, row, old));
        assertThat(rewritten).startsWith("v1:k2:");
        assertThat(rotated.needsRewrite(rewritten)).isFalse();
        assertThat(cipher(Map.of("k2", K2), "k2").decrypt(VictimIdentityCipher.FULL_NAME, row, rewritten)).isEqualTo(NAME);
    }

    @Test
    void theBlindIndexMatchesOneSpellingPerPersonAndNothingElse() {
        VictimIdentityCipher cipher = cipher(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(cipher.nameIndex("  СЕМЁНОВ   Пётр\tИльич ")).isEqualTo(cipher.nameIndex("семенов петр ильич"))
                .startsWith("k2:").doesNotContainIgnoringCase("семенов");
        assertThat(cipher.nameIndex("Семенов Петр")).isNotEqualTo(cipher.nameIndex("семенов петр ильич"));
        assertThat(cipher.nameIndexes("Семенов Петр Ильич")).hasSize(2).contains(cipher.nameIndex("Семенов Петр Ильич"));
        assertThat(cipher.nameIndex(NAME)).isNotEqualTo(cipher(Map.of("k2", K1), "k2").nameIndex(NAME));
    }

    @Test
    void aKeyFileInsideTheDataDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path inside = data.resolve("keys/ledger.key");
        Files.createDirectories(inside.getParent());
        Files.writeString(inside, Base64.getEncoder().encodeToString(K1));
        assertThatThrownBy(() -> IdentityKeyConfiguration.readKeyFile(inside, "k1", dir.resolve("data/../data")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the data directory");
        Path outside = dir.resolve("ledger.key");
        Files.writeString(outside, "# rotated 2026\nk1=" + Base64.getEncoder().encodeToString(K1) + "\n"
                + "k2=" + Base64.getEncoder().encodeToString(K2) + "\n");
        assertThat(IdentityKeyConfiguration.readKeyFile(outside, "k1", data)).containsOnlyKeys("k1", "k2");
    }

    @Test
    void keysMustBe256Bits() {
        assertThatThrownBy(() -> new IdentityKeys(Map.of("k1", new byte[16]), "k1")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new IdentityKeys(Map.of("k1", K1), "k9")).hasMessageContaining("not among");
    }

    @Test
    void aBoundSecretOpensOnlyInItsOwnContextAndRotatesWithTheKeys() {
        VictimIdentityCipher cipher = cipher(Map.of("k1", K1), "k1");
        String sealed = cipher.encryptBound("app_user.totp_secret:alice", "JBSWY3DPEHPK3PXP");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(cipher.decryptBound("app_user.totp_secret:alice", sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> cipher.decryptBound("app_user.totp_secret:bob", sealed))
                .as("moved to another user").isInstanceOf(IdentityCryptoException.class);
        VictimIdentityCipher rotated = cipher(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(rotated.needsRewrite(sealed)).isTrue();
        assertThat(rotated.decryptBound("app_user.totp_secret:alice", sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
    }
}
