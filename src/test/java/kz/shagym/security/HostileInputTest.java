package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.EndpointCorpus.Body;
import kz.shagym.security.EndpointCorpus.Entry;
import kz.shagym.security.HostileHttp.Caller;
import kz.shagym.security.HostileHttp.Reply;
import kz.shagym.security.HostileInputs.Attack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The hostile input corpus: every endpoint Spring maps, each sent junk ids, broken and oversized bodies, wrong types
 * and content types, out-of-range dates and unknown enum values. Each must be refused with a clear 4xx
 * (problem+json on the API) and write nothing at all: every ledger table keeps its row count and the case under
 * attack keeps every row as it was.
 */
class HostileInputTest extends ShagymIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private JdbcClient jdbc;
    @LocalServerPort
    private int port;

    private static CaseFixture fixture;
    /** The ledger after the previous attack: the next one must leave it so (between two, nothing else runs). */
    private LedgerSnapshot last;
    private HostileHttp http;
    private HostileHttp.Session adminPages;

    @BeforeEach
    void fixture() {
        http = new HostileHttp(port);
        if (fixture == null) {
            fixture = CaseFixture.create(ladder, restTemplate, jdbc);
        }
        adminPages = http.signIn(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD);
    }

    @Test
    void everyEndpointHasACorpusEntry() {
        Set<String> mapped = mappedRoutes(mappings);
        mapped.removeAll(EndpointCorpus.NOT_IN_CORPUS.keySet());
        Set<String> inCorpus = new TreeSet<>();
        EndpointCorpus.ALL.forEach(e -> inCorpus.add(e.route()));

        assertThat(inCorpus).as("corpus entries are unique").hasSize(EndpointCorpus.ALL.size());
        assertThat(mapped).as("every mapped endpoint needs an entry in EndpointCorpus (what it takes, who may call it), "
                + "so that the hostile corpus and the need-to-know suite reach it").isSubsetOf(inCorpus);
        assertThat(inCorpus).as("corpus entries whose endpoint no longer exists").isSubsetOf(mapped);
    }

    /** "GET /api/complaints/{id}" for every method and path pattern Spring maps; "ANY" where a mapping names no method. */
    static Set<String> mappedRoutes(RequestMappingHandlerMapping mappings) {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (info.getMethodsCondition().getMethods().isEmpty()) {
                routes.add("ANY " + pattern);
            }
            info.getMethodsCondition().getMethods().forEach(method -> routes.add(method.name() + " " + pattern));
        }));
        return routes;
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointRefusesHostileInputAndWritesNothing() {
        return EndpointCorpus.ALL.stream().map(entry -> DynamicContainer.dynamicContainer(entry.route(),
                HostileInputs.against(entry, fixture).stream().map(attack ->
                        DynamicTest.dynamicTest(attack.name(), () -> refused(entry, attack)))));
    }

    private void refused(Entry entry, Attack attack) {
        LedgerSnapshot before = last != null ? last : LedgerSnapshot.take(jdbc, fixture.complaint);
        Reply reply = send(entry, attack);
        LedgerSnapshot after = LedgerSnapshot.take(jdbc, fixture.complaint);
        last = after;
        String what = attack.method() + " " + attack.path() + " (" + attack.name() + ") -> " + reply;
        if (attack.readOnly()) {
            assertThat(reply.status()).as(what).isLessThan(500);
            if (reply.contentType() != null && reply.contentType().startsWith("text/html")) {
                assertThat(reply.text()).as(what).doesNotContain("<script>alert").doesNotContain(HostileInputs.EVALUATED);
            }
            // a read is audited (a name search, a case read), after its answer is sent: only the audit trail may grow
            last = LedgerSnapshot.awaitAudited(jdbc, fixture.complaint, after);
            assertThat(last.plus("audit_log", before.counts().get("audit_log") - last.counts().get("audit_log")))
                    .as("wrote nothing: " + what).isEqualTo(before);
            return;
        }
        assertThat(reply.status()).as(what).isIn(attack.expected());
        if (entry.api() && !refusedByTheContainer(attack, reply)) {
            assertThat(reply.problemJson()).as("problem+json: " + what).isTrue();
            JsonNode problem = ladder.read(reply.text());
            assertThat(problem.path("detail").asText()).as(what).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
            if (attack.target() == HostileInputs.Target.FIELD && reply.status() == 400) {
                assertThat(problem.path("field").asText()).as("names the field: " + what).startsWith(attack.field());
            }
        }
        if (entry.body() == Body.FORM && attack.target() == HostileInputs.Target.FIELD) {
            assertThat(reply.text()).as("the form shows why: " + what).containsAnyOf("field-error", "role=\"alert\"");
        }
        assertThat(after).as("wrote nothing: " + what).isEqualTo(before);
    }

    /**
     * Tomcat itself refuses a path with an encoded slash or NUL (400, before any filter or controller runs), so that
     * answer cannot be problem+json. Everything that reaches the application is.
     */
    private static boolean refusedByTheContainer(Attack attack, Reply reply) {
        String path = attack.path().toLowerCase();
        return reply.status() == 400 && (path.contains("%2f") || path.contains("%00") || path.contains("%5c"));
    }

    private Reply send(Entry entry, Attack attack) {
        Caller caller = entry.api() ? new HostileHttp.Basic(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD) : adminPages;
        return http.send(caller, attack);
    }
}
