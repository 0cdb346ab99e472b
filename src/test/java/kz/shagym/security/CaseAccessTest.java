package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import java.util.stream.Stream;
import kz.shagym.security.EndpointCorpus.Scope;
import kz.shagym.security.HostileHttp.Caller;
import kz.shagym.security.HostileHttp.Reply;
import kz.shagym.security.HostileInputs.Attack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Need-to-know: a lawyer sees and changes only their own cases; a coordinator sees all but not the victim's identity.
 * The suites over {@link EndpointCorpus} call every endpoint Spring maps, so a new endpoint is held to the same rules.
 *
 * <p>A case that exists but is not the caller's is 403, not 404: case ids are random UUIDs, so the status tells an
 * outsider nothing a guess could use, while a 403 is what the audit trail records and what the issue asks for
 * ("every denial is a 403 and is logged"). An id that names no case at all is 404.
 */
class CaseAccessTest extends ShagymIntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @LocalServerPort
    private int port;

    private static CaseFixture fixture;
    private HostileHttp http;

    @BeforeEach
    void fixture() {
        http = new HostileHttp(port);
        if (fixture == null) {
            fixture = CaseFixture.create(ladder, restTemplate, jdbc);
        }
    }

    private String registerAs(TestRestTemplate as) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = as.postForEntity("/api/complaints",
                new HttpEntity<>(LadderHarness.complaintJson("POLICE", ladder.ago(Duration.ofHours(3))), headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return ladder.read(response.getBody()).get("id").asText();
    }

    @Test
    void aLawyerCannotOpenOrChangeAnotherLawyersCase() {
        TestRestTemplate alice = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        TestRestTemplate bob = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        String alicesCase = registerAs(alice);

        assertThat(alice.getForEntity("/api/complaints/" + alicesCase, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(alice.getForEntity("/api/complaints/" + alicesCase, String.class).getBody()).contains("Иванов Иван Иванович");
        var denied = bob.getForEntity("/api/complaints/" + alicesCase, String.class);
        assertThat(denied.getStatusCode().value()).isEqualTo(403);
        assertThat(denied.getBody()).doesNotContain("Иванов");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(bob.postForEntity("/api/complaints/" + alicesCase + "/events", new HttpEntity<>(
                "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))), headers), String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(bob.getForEntity("/api/complaints/" + alicesCase + "/letters", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(bob.getForEntity("/api/complaints", String.class).getBody()).doesNotContain(alicesCase);
    }

    @Test
    void aCoordinatorSeesTheStageButNotTheVictimsIdentity() {
        TestRestTemplate lawyer = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        TestRestTemplate coordinator = restTemplate.withBasicAuth(TestUsers.create(ladder, "COORDINATOR"), TestUsers.PASSWORD);
        String id = registerAs(lawyer);
        var view = coordinator.getForEntity("/api/complaints/" + id, String.class);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat(view.getBody()).contains("FILED_WITH_AUTHORITY").doesNotContain("Иванов");
        assertThat(coordinator.getForEntity("/api/complaints", String.class).getBody()).contains(id);
    }

    /**
     * Another lawyer, and a staff member not assigned to the case, are refused every endpoint of it — read, write,
     * letter files, grants — and each refusal is audited.
     */
    @TestFactory
    Stream<DynamicContainer> aLawyerOrStaffMemberIsRefusedEveryEndpointOfACaseNotAssignedToThemAndEachRefusalIsAudited() {
        return Stream.of("LAWYER", "STAFF").map(role -> {
            String other = TestUsers.create(ladder, role);
            Callers as = callers(other);
            return DynamicContainer.dynamicContainer(role, EndpointCorpus.ALL.stream().filter(e -> e.scope().caseScoped())
                    .map(entry -> DynamicTest.dynamicTest(entry.route(), () -> {
                        Reply reply = deniedAndAudited(as.of(entry), other, entry, HostileInputs.ordinary(entry, fixture), "read", "write");
                        assertThat(reply.text()).doesNotContain(fixture.victimName).doesNotContain(fixture.caseNumber);
                    })));
        });
    }

    @TestFactory
    Stream<DynamicContainer> aLawyerOrStaffMemberFindsNoTraceOfACaseNotAssignedToThemInAnyListPageOrFeed() {
        return Stream.of("LAWYER", "STAFF").map(role -> {
            String other = TestUsers.create(ladder, role);
            Callers as = callers(other);
            return DynamicContainer.dynamicContainer(role, EndpointCorpus.ALL.stream().filter(e -> e.safe() && !e.scope().caseScoped())
                    .map(entry -> DynamicTest.dynamicTest(entry.route(), () -> {
                        Reply reply = http.send(as.of(entry), HostileInputs.ordinary(entry, fixture));
                        LedgerSnapshot.awaitAudited(jdbc, fixture.complaint, LedgerSnapshot.take(jdbc, fixture.complaint));
                        assertThat(reply.status()).as("%s: %s", entry.route(), reply).isLessThan(500);
                        assertThat(readable(reply)).as(entry.route()).doesNotContain(fixture.victimName).doesNotContain(fixture.caseNumber);
                    })));
        });
    }

    /**
     * Coordinators oversee every case under its number, the victim shown as a pseudonym: the victim's name is in no
     * answer they get, letter files (which name the victim) are refused and audited, a coordinator changes nothing, nor
     * the medical facts, nor who may see the case — until a grant says otherwise (see CaseGrantsTest).
     */
    @TestFactory
    Stream<DynamicTest> aCoordinatorSeesEveryCaseUnderItsNumberAndAPseudonymButNeverTheVictimsName() {
        String user = TestUsers.create(ladder, "COORDINATOR");
        Callers as = callers(user);
        return EndpointCorpus.ALL.stream()
                .filter(e -> e.safe() || e.scope() == Scope.CASE_WRITE || e.scope() == Scope.CASE_MEDICAL || e.scope() == Scope.CASE_GRANT)
                .map(entry -> DynamicTest.dynamicTest(entry.route(), () -> {
                    Attack request = HostileInputs.ordinary(entry, fixture);
                    Reply reply;
                    if (entry.scope() == Scope.CASE_IDENTITY) {
                        reply = deniedAndAudited(as.of(entry), user, entry, request, "identity");
                    } else if (entry.scope() == Scope.CASE_WRITE || entry.scope() == Scope.CASE_MEDICAL) {
                        reply = deniedAndAudited(as.of(entry), user, entry, request, "write");
                    } else if (entry.scope() == Scope.CASE_GRANT) {
                        reply = deniedAndAudited(as.of(entry), user, entry, request, "grant");
                    } else {
                        reply = http.send(as.of(entry), request);
                        // a read is audited once its answer has gone out: let that land before the next request
                        LedgerSnapshot.awaitAudited(jdbc, fixture.complaint, LedgerSnapshot.take(jdbc, fixture.complaint));
                        String what = entry.route() + ": " + reply;
                        if (entry.scope() == Scope.ROLE && !entry.roles().contains("COORDINATOR")) {
                            assertThat(reply.status()).as(what).isEqualTo(403);
                        } else if (entry.scope() == Scope.CASE_READ) {
                            assertThat(reply.status()).as(what).isEqualTo(200);
                        } else {
                            assertThat(reply.status()).as(what).isLessThan(500).isNotEqualTo(403);
                        }
                    }
                    assertThat(readable(reply)).as(entry.route()).doesNotContain(fixture.victimName).doesNotContain("1984-05-06").doesNotContain("06.05.1984");
                    if (entry.route().equals("GET /api/complaints/{id}") || entry.route().equals("GET /cases/{id}")) {
                        assertThat(reply.text()).as("the case under its number, the victim as a pseudonym")
                                .contains(fixture.caseNumber).contains("Заявитель " + fixture.caseNumber);
                    }
                }));
    }

    /** The request is 403 and the audit trail's newest entry records it: who, which case, what kind of access. */
    private Reply deniedAndAudited(Caller caller, String username, EndpointCorpus.Entry entry, Attack request, String... kinds) {
        LedgerSnapshot before = LedgerSnapshot.take(jdbc, fixture.complaint);
        Reply reply = http.send(caller, request);
        assertThat(reply.status()).as("%s as %s: %s", entry.route(), username, reply).isEqualTo(403);
        if (entry.api()) {
            assertThat(reply.problemJson()).as(entry.route()).isTrue();
        }
        var last = jdbc.sql("select actor, action, target, detail from audit_log order by seq desc limit 1").query().singleRow();
        assertThat(last.get("actor")).as(entry.route()).isEqualTo(username);
        assertThat(last.get("action")).isEqualTo("ACCESS_DENIED");
        assertThat(last.get("target")).isEqualTo("case " + fixture.caseNumber);
        String detail = (String) last.get("detail");
        assertThat(java.util.Arrays.stream(kinds).anyMatch(detail::startsWith)).as("%s: %s", entry.route(), detail).isTrue();
        assertThat(LedgerSnapshot.take(jdbc, fixture.complaint)).as("nothing written but the audit entry")
                .isEqualTo(before.plus("audit_log", 1));
        return reply;
    }

    /** The body as a person would read it: a DOCX, XLSX or ZIP unpacked into the text of all its parts. */
    private static String readable(Reply reply) {
        if (reply.body().length > 1 && reply.body()[0] == 'P' && reply.body()[1] == 'K') {
            StringBuilder text = new StringBuilder();
            // commons-compress (POI's own zip reader): spreadsheets stream stored entries with data descriptors
            try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(
                    new java.io.ByteArrayInputStream(reply.body()), "UTF-8", true, true)) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    text.append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return text.toString();
        }
        assertThat(reply.contentType() == null || !reply.contentType().startsWith("application/pdf"))
                .as("no PDF for a caller who may not see the victim").isTrue();
        return reply.text();
    }

    /** One user, by HTTP Basic on the API and signed in on the pages. */
    private record Callers(Caller api, Caller pages) {
        Caller of(EndpointCorpus.Entry entry) {
            return entry.api() ? api : pages;
        }
    }

    /** Signed in both ways before the test, so that the audit trail's login entries are written by then. */
    private Callers callers(String username) {
        Caller api = new HostileHttp.Basic(username, TestUsers.PASSWORD);
        Caller pages = http.signIn(username, TestUsers.PASSWORD);
        assertThat(http.get(api, "/api/clock").status()).isEqualTo(200);
        LedgerSnapshot.awaitAudited(jdbc, fixture.complaint, LedgerSnapshot.take(jdbc, fixture.complaint));
        return new Callers(api, pages);
    }
}
