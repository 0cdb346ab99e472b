package kz.shagym.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator on first start (SHAGYM_ADMIN_USERNAME / SHAGYM_ADMIN_PASSWORD). Without a password a
 * random one is generated and printed once, so a fresh install is never left with a default password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final String username;
    private final String password;

    AdminBootstrap(UserAccounts accounts, @Value("${shagym.admin.username:admin}") String username,
                   @Value("${shagym.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.exists(username)) {
            return;
        }
        String initial = password.isBlank() ? randomPassword() : password;
        accounts.create(username, initial, Role.ADMIN, "Administrator", null, "ru");
        if (password.isBlank()) {
            log.warn("Created administrator '{}' with generated password: {}  (shown once; change it or set SHAGYM_ADMIN_PASSWORD)",
                    username, initial);
        } else {
            log.info("Created administrator '{}'", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
