package kz.shagym.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Where the identity keys come from, in this order (all are merged, by id):
 * <ol>
 * <li>{@code shagym.crypto.keys.<id>=<base64>} — several keys for rotation;</li>
 * <li>{@code shagym.crypto.key} (SHAGYM_CRYPTO_KEY) — one key, id {@code shagym.crypto.key-id} (k1);</li>
 * <li>{@code shagym.crypto.key-file} (SHAGYM_CRYPTO_KEY_FILE) — lines {@code <base64>} or {@code <id>=<base64>};</li>
 * <li>nothing configured, embedded mode only: a key file generated once at {@code ${user.home}/.shagym/keys/ledger.key}.</li>
 * </ol>
 * A key file inside the data directory is refused: a copy of the data directory must not carry its own key.
 * The production profile refuses to start without a configured key (a generated key would be lost with the host).
 */
@Configuration
class IdentityKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityKeyConfiguration.class);

    @Bean
    IdentityKeys identityKeys(Environment env) {
        Path dataDir = Path.of(env.getProperty("shagym.data-dir", "./data"));
        String singleId = env.getProperty("shagym.crypto.key-id", "k1");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String keyFile = env.getProperty("shagym.crypto.key-file", "");
        if (!keyFile.isBlank()) {
            keys.putAll(readKeyFile(Path.of(keyFile), singleId, dataDir));
        }
        String single = env.getProperty("shagym.crypto.key", "");
        if (!single.isBlank()) {
            keys.put(singleId, decode(single.strip(), "shagym.crypto.key"));
        }
        Binder.get(env).bind("shagym.crypto.keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()).forEach((id, value) -> keys.put(id, decode(value.strip(), "shagym.crypto.keys." + id)));
        if (keys.isEmpty()) {
            keys.putAll(defaultKeyFile(env, singleId, dataDir));
        }
        return new IdentityKeys(keys, activeId(env, keys));
    }

    private static String activeId(Environment env, Map<String, byte[]> keys) {
        String active = env.getProperty("shagym.crypto.active-key", "");
        if (!active.isBlank()) {
            return active.strip();
        }
        if (keys.size() == 1) {
            return keys.keySet().iterator().next();
        }
        throw new IllegalStateException("Several identity keys are configured " + keys.keySet()
                + ": name the one for new writes with shagym.crypto.active-key (SHAGYM_CRYPTO_ACTIVE_KEY)");
    }

    private static Map<String, byte[]> defaultKeyFile(Environment env, String id, Path dataDir) {
        if (env.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("Refusing to start: no key to encrypt victims' identities. In production set "
                    + "SHAGYM_CRYPTO_KEY (base64 of 32 random bytes) or SHAGYM_CRYPTO_KEY_FILE (a file outside SHAGYM_DATA_DIR); "
                    + "e.g. `openssl rand -base64 32`");
        }
        Path file = Path.of(env.getProperty("shagym.crypto.default-key-file",
                System.getProperty("user.home") + "/.shagym/keys/ledger.key"));
        if (Files.notExists(file)) {
            generate(file, id);
        }
        log.info("Victim identities are encrypted with the key file {} (keep a copy of it apart from the data directory: "
                + "without it the names cannot be read)", file.toAbsolutePath());
        return readKeyFile(file, id, dataDir);
    }

    private static void generate(Path file, String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String line = id + "=" + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            restrict(file.toAbsolutePath().getParent(), PosixFilePermissions.fromString("rwx------"));
            Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            restrict(file, PosixFilePermissions.fromString("rw-------"));
            log.warn("Generated a new key for victims' identities at {} (permissions 600). Back it up apart from the data "
                    + "directory; set SHAGYM_CRYPTO_KEY_FILE to use it elsewhere", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            // another instance created it between the check and the write: use theirs
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key file " + file, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    static Map<String, byte[]> readKeyFile(Path file, String defaultId, Path dataDir) {
        requireOutside(file, dataDir);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        try {
            warnIfReadableByOthers(file);
            for (String raw : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                boolean named = eq > 0 && eq < line.length() - 1 && IdentityKeys.KEY_ID.matcher(line.substring(0, eq)).matches();
                String id = named ? line.substring(0, eq) : defaultId;
                keys.put(id, decode(named ? line.substring(eq + 1) : line, "key file " + file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file + " (shagym.crypto.key-file)", e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("the key file " + file + " holds no key");
        }
        return keys;
    }

    /** Refuses a key file inside the data directory (resolving links), so that a copied data directory stays unreadable. */
    static void requireOutside(Path keyFile, Path dataDir) {
        Path key = canonical(keyFile);
        Path data = canonical(dataDir);
        if (key.startsWith(data)) {
            throw new IllegalStateException("Refusing to start: the key file " + key + " lies inside the data directory "
                    + data + " (shagym.data-dir). Move it outside, e.g. to ~/.shagym/keys/, and set SHAGYM_CRYPTO_KEY_FILE");
        }
    }

    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : canonical(parent).resolve(absolute.getFileName());
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("The key file {} is readable by other users: chmod 600 it", file);
            }
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64", e);
        }
    }
}
