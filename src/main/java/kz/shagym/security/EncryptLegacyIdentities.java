package kz.shagym.security;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 5.1: encrypts identities stored in clear before V5, inside Flyway's run and so before anything reads
 * the ledger. It needs the key, hence Java; Spring Boot hands every {@link JavaMigration} bean to Flyway.
 * On H2, pages that held the plain text are reclaimed only by compaction: run {@code SHUTDOWN COMPACT} once after upgrading.
 */
@Component
public class EncryptLegacyIdentities implements JavaMigration {

    private final VictimIdentityCipher cipher;

    public EncryptLegacyIdentities(VictimIdentityCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5.1");
    }

    @Override
    public String getDescription() {
        return "encrypt victim identities stored before V5";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
        IdentityRewriter.identityOnly(jdbc, cipher).rewriteAll();
    }
}
