package kz.shagym.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar target/shagym-*.jar --shagym.audit.verify=true --spring.main.web-application-type=none}: verifies
 * the audit chain, prints the result and exits (0 intact, 2 broken) before the application resumes any complaint.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "shagym.audit.verify", havingValue = "true")
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditVerifier verifier;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditVerifier verifier, ApplicationContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerifier.Result result = verifier.verify();
        System.out.println(result.describe());
        int code = result.intact() ? 0 : 2;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
