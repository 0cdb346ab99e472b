package kz.shagym.complaint;

import static org.assertj.core.api.Assertions.fail;

import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migration contract on a real PostgreSQL: runs only with {@code ./mvnw test -Ppostgres} (the default suite excludes
 * the tag), and then FAILS — never skips — when {@code SHAGYM_TEST_PG_URL} is missing. The database is cleaned first:
 * point it at a database kept for tests. {@code .ci/run} installs and starts PostgreSQL and sets the variable.
 */
@Tag("postgres")
class PostgresMigrationTest extends LedgerMigrationContract {

    @Override
    protected DataSource dataSource() {
        String url = System.getenv("SHAGYM_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            fail("SHAGYM_TEST_PG_URL is not set: the postgres profile needs a throw-away PostgreSQL database, e.g. "
                    + "SHAGYM_TEST_PG_URL='jdbc:postgresql://localhost:5432/shagym_test?user=shagym_test&password=shagym_test' "
                    + "./mvnw test -Ppostgres (or run .ci/run, which installs and starts PostgreSQL)");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }
}
