package kz.shagym.security;

import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the second-factor tests share: calls as a user, a factor set up through the API, the ledger to count in. */
abstract class SecondFactorTestSupport extends ShagymIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private LoginThrottle throttle;

    protected UserRequests requests;
    protected TotpFactors totp;

    @BeforeEach
    void helpers() {
        requests = new UserRequests(restTemplate, ladder);
        totp = new TotpFactors(requests, ladder);
    }

    @AfterEach
    void unthrottle() {
        throttle.reset(); // wrong codes are these tests' business; the application is shared with every other test class
    }

    protected long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
