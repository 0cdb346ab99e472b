package kz.shagym.security;

import static kz.shagym.security.HostileInputs.EVALUATED;
import static kz.shagym.security.HostileInputs.MARKUP;
import static kz.shagym.security.HostileInputs.REGION_MARKUP;
import static kz.shagym.security.HostileInputs.SHORT_MARKUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.EndpointCorpus.Body;
import kz.shagym.security.EndpointCorpus.Kind;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Script, HTML and template syntax ({@code <script>}, {@code ${..}}, {@code {{..}}}, {@code [[${..}]]}, {@code #{..}})
 * in every free-text field the application stores: each is kept verbatim, shown escaped on the pages, written as
 * plain text into the letters (poi-tl's own tags are {@code {{..}}}), and never evaluated anywhere — none of the
 * expressions' product ({@value HostileInputs#EVALUATED}) appears in any answer. Every stored text field of the
 * corpus must be exercised here.
 */
class InertMarkupTest extends ShagymIntegrationTest {

    /** A password fits bcrypt's 72 bytes. */
    private static final String PASSWORD_MARKUP = "<script>alert(1)</script>${823*1117}{{823*1117}}";

    @Autowired
    private JdbcClient jdbc;
    @LocalServerPort
    private int port;

    private final Set<String> exercised = new TreeSet<>();

    @Test
    void scriptAndTemplateSyntaxIsStoredVerbatimAndRenderedInert() throws Exception {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        TestRestTemplate asLawyer = restTemplate.withBasicAuth(lawyer, TestUsers.PASSWORD);
        HostileHttp http = new HostileHttp(port);

        // The API: a complaint with its medical facts (then replaced), an event note, a correction's reason, a review note,
        // an upload note, a filing channel.
        // The region is a code of the fixed list, not text: markup there is an unknown region, refused.
        String complaint = """
                {"victim": {"fullName": %s}, "region": %s, "allegation": "TORTURE", "filedWith": "ANTI_CORRUPTION",
                 "filedAt": "%s", "language": "ru", "medical": {"injuries": %s, "examinationPlace": %s, "doctorFindings": %s}}""";
        assertThat(json(post(asLawyer, "/api/complaints", complaint.formatted(quote(MARKUP), quote(REGION_MARKUP),
                ladder.ago(Duration.ofDays(2)), quote(MARKUP), quote(MARKUP), quote(MARKUP)), 400)).path("field").asText())
                .isEqualTo("region");
        JsonNode registered = json(post(asLawyer, "/api/complaints", complaint
                .formatted(quote(MARKUP), quote("Алма-Ата"), ladder.ago(Duration.ofDays(2)), quote(MARKUP), quote(MARKUP),
                        quote(MARKUP)), 201, "victim.fullName", "medical.injuries", "medical.examinationPlace",
                "medical.doctorFindings"));
        UUID id = UUID.fromString(registered.get("id").asText());
        assertThat(registered.at("/victim/fullName").asText()).isEqualTo(MARKUP);
        assertThat(registered.get("region").asText()).isEqualTo("ALMATY");
        ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
        assertThat(json(asLawyer.getForEntity("/api/complaints/" + id, String.class).getBody()).at("/medical/doctorFindings").asText())
                .isEqualTo(MARKUP);
        JsonNode medical = json(send(asLawyer, HttpMethod.PUT, "/api/complaints/" + id + "/medical-facts", """
                {"injuries": %s, "examinationPlace": %s, "forensicExamination": "REQUESTED", "doctorFindings": %s}"""
                .formatted(quote(REGION_MARKUP), quote(SHORT_MARKUP), quote(MARKUP)), 200, "injuries", "examinationPlace", "doctorFindings"));
        assertThat(medical.get("injuries").asText()).isEqualTo(REGION_MARKUP);
        assertThat(medical.get("examinationPlace").asText()).isEqualTo(SHORT_MARKUP);
        assertThat(medical.get("doctorFindings").asText()).isEqualTo(MARKUP);
        String events = "/api/complaints/" + id + "/events";
        post(asLawyer, events, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "note": %s}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(8)), quote(MARKUP)), 202, "note");
        UUID forwarded = eventId(id, "FORWARDED_TO_INTERNAL_SECURITY");
        post(asLawyer, events + "/" + forwarded + "/correction", "{\"learnedAt\": \"%s\", \"reason\": %s}"
                .formatted(ladder.ago(Duration.ofHours(6)), quote(MARKUP)), 200, "reason");
        UUID prosecutor = ladder.letter(id, "COMPLAINT_PROSECUTOR");
        UUID judge = ladder.letter(id, "COMPLAINT_INVESTIGATIVE_JUDGE");
        String letters = "/api/complaints/" + id + "/letters/";
        post(asLawyer, letters + prosecutor + "/review", "{\"decision\": \"REJECT\", \"note\": %s}".formatted(quote(MARKUP)),
                200, "note");
        assertThat(jdbc.sql("select review_note from letter where id = :id").param("id", prosecutor).query(String.class).single())
                .isEqualTo(MARKUP);
        byte[] judgeDocx = asLawyer.getForEntity(letters + judge, byte[].class).getBody();
        HttpHeaders docx = new HttpHeaders();
        docx.setContentType(MediaType.parseMediaType(HostileInputs.DOCX));
        ResponseEntity<String> uploaded = asLawyer.exchange(letters + judge + "/content?note={note}", HttpMethod.PUT,
                new HttpEntity<>(judgeDocx, docx), String.class, Map.of("note", MARKUP));
        assertAnswered(uploaded, 200);
        exercised.add("PUT /api/complaints/{id}/letters/{letterId}/content note");
        assertThat(texts(json(asLawyer.getForEntity(letters + judge + "/versions", String.class).getBody()))).contains(MARKUP);
        UUID forensic = ladder.letter(id, "FORENSIC_EXAM_MOTION");
        post(asLawyer, events, "{\"type\": \"FILED\", \"letterId\": \"%s\", \"filedAt\": \"%s\", \"channel\": %s}"
                .formatted(forensic, ladder.ago(Duration.ofHours(1)), quote(SHORT_MARKUP)), 202, "channel");
        assertThat(channel(forensic)).isEqualTo(SHORT_MARKUP);
        assertThat(texts(json(asLawyer.getForEntity("/api/complaints/" + id, String.class).getBody())))
                .contains(MARKUP);
        ResponseEntity<String> search = asLawyer.getForEntity("/api/complaints?victimName={name}", String.class, MARKUP);
        assertAnswered(search, 200);
        assertThat(search.getBody()).contains(id.toString());

        // The letters: regenerated from the ledger with the markup as the victim's name and region, as plain text.
        post(asLawyer, letters + prosecutor + "/regenerate", null, 200, null);
        for (UUID letter : new UUID[] {prosecutor, ladder.letter(id, "COPY_REQUEST")}) {
            String text = docxText(asLawyer.getForEntity(letters + letter, byte[].class).getBody());
            assertThat(text).as("letter %s", letter).contains(MARKUP).doesNotContain(EVALUATED);
        }

        // The pages, as the lawyer: the case page shows all of it escaped; a filing channel through the form.
        HostileHttp.Session session = http.signIn(lawyer, TestUsers.PASSWORD);
        UUID copyRequest = ladder.letter(id, "COPY_REQUEST");
        form(http, session, "/cases/" + id + "/filings", Map.of("letterId", copyRequest.toString(),
                "filedOn", ladder.ago(Duration.ofHours(1)).substring(0, 10), "channel", SHORT_MARKUP), "channel");
        assertThat(channel(copyRequest)).isEqualTo(SHORT_MARKUP);
        assertInert(http.get(session, "/cases/" + id).text(), MARKUP, SHORT_MARKUP);

        // The letters workspace: an edited DOCX with a note (multipart), a review comment, a filing channel; its page and
        // the case's timeline show them escaped.
        String judgePage = "/cases/" + id + "/letters/" + judge;
        HostileHttp.Reply edited = http.send(session, "POST", judgePage + "/content", HostileInputs.Multipart.CONTENT_TYPE,
                HostileInputs.Multipart.of(Map.of("note", MARKUP), "edited.docx", judgeDocx), Map.of("X-CSRF-TOKEN", session.csrf()), false);
        assertThat(edited.status()).as("%s", edited).isEqualTo(302);
        exercised.add("POST /cases/{id}/letters/{letterId}/content note");
        form(http, session, judgePage + "/review", Map.of("decision", "REJECT", "note", MARKUP), "note");
        String prosecutorPage = "/cases/" + id + "/letters/" + prosecutor;
        form(http, session, prosecutorPage + "/filing", Map.of("filedOn", ladder.ago(Duration.ofHours(1)).substring(0, 10),
                "channel", SHORT_MARKUP), "channel");
        assertThat(channel(prosecutor)).isEqualTo(SHORT_MARKUP);
        assertInert(http.get(session, judgePage + "/review").text(), MARKUP);
        assertInert(http.get(session, "/cases/" + id).text(), MARKUP);

        // The case file and a letter's particulars: kept verbatim, printed in the letter as text, shown escaped.
        form(http, session, "/cases/" + id + "/case-file", Map.of("applicantFullName", MARKUP, "incidentWhatHappened", MARKUP),
                "applicantFullName", "incidentWhatHappened");
        assertInert(http.get(session, "/cases/" + id).text(), MARKUP);
        UUID copy = judge; // the only letter of the case not filed by now
        send(asLawyer, HttpMethod.PUT, letters + copy + "/particulars", "{\"missedTermReason\": %s, \"riskStatement\": %s}"
                .formatted(quote(MARKUP), quote(MARKUP)), 200, "missedTermReason", "riskStatement");
        assertThat(json(asLawyer.getForEntity(letters + copy + "/particulars", String.class).getBody())
                .get("missedTermReason").asText()).isEqualTo(MARKUP);
        String addresseePage = judgePage;
        form(http, session, addresseePage + "/particulars", Map.of("addressee", SHORT_MARKUP, "missedTermReason", MARKUP),
                "addressee", "missedTermReason");
        assertThat(docxText(asLawyer.getForEntity(letters + judge, byte[].class).getBody()))
                .contains(SHORT_MARKUP).doesNotContain(EVALUATED);
        assertInert(http.get(session, addresseePage + "/review").text(), MARKUP, SHORT_MARKUP);

        // The lawyer's own API tokens: one named through the API, one through the account page; the page shows both inert.
        post(asLawyer, "/api/me/tokens", "{\"name\": %s}".formatted(quote(REGION_MARKUP)), 201, "name");
        form(http, session, "/my/tokens", Map.of("name", SHORT_MARKUP, "expiresInDays", "30"), "name");
        assertThat(texts(json(asLawyer.getForEntity("/api/me/tokens", String.class).getBody()))).contains(REGION_MARKUP, SHORT_MARKUP);
        assertInert(http.get(session, "/my/account").text(), REGION_MARKUP, SHORT_MARKUP);

        // The pages, as staff: a complaint through the intake form, then a note through the event form.
        String staff = TestUsers.create(ladder, "STAFF");
        HostileHttp.Session staffSession = http.signIn(staff, TestUsers.PASSWORD);
        HostileHttp.Reply intake = form(http, staffSession, "/cases/new", Map.ofEntries(Map.entry("victimName", MARKUP),
                Map.entry("region", "SHYMKENT"), Map.entry("allegation", "TORTURE"), Map.entry("filedWith", "POLICE"),
                Map.entry("filedDate", ladder.ago(Duration.ofDays(1)).substring(0, 10)), Map.entry("filedTime", "10:00"),
                Map.entry("language", "ru"), Map.entry("injuries", MARKUP), Map.entry("examinationPlace", MARKUP),
                Map.entry("doctorFindings", MARKUP)), "victimName", "injuries", "examinationPlace", "doctorFindings");
        UUID second = UUID.fromString(intake.location().substring("/cases/".length()));
        ladder.awaitWaitingAt(second, "Gateway_AwaitAuthorityResponse");
        form(http, staffSession, "/cases/" + second + "/events", Map.of("type", "REGISTERED",
                "decidedAt", ladder.ago(Duration.ofHours(2)).substring(0, 16), "note", MARKUP), "note");
        assertThat(texts(ladder.view(second))).contains(MARKUP, "SHYMKENT");
        assertThat(ladder.view(second).at("/medical/examinationPlace").asText()).as("the intake form's medical facts, verbatim")
                .isEqualTo(MARKUP);
        assertInert(http.get(staffSession, "/cases/" + second).text(), MARKUP, "Шымкент");
        assertInert(http.get(staffSession, "/board").text(), "Шымкент");
        assertInert(http.get(staffSession, "/board?region=" + java.net.URLEncoder.encode(REGION_MARKUP, StandardCharsets.UTF_8))
                .text());

        // An administrator's new user: the name kept as given, the password working exactly as typed.
        String username = "markup-" + UUID.randomUUID().toString().substring(0, 8);
        post(ladder.rest(), "/api/users", """
                {"username": "%s", "password": %s, "role": "COORDINATOR", "fullName": %s}"""
                .formatted(username, quote(PASSWORD_MARKUP), quote(MARKUP)), 201, "password", "fullName");
        assertThat(restTemplate.withBasicAuth(username, PASSWORD_MARKUP).getForEntity("/api/complaints?limit=1", String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(texts(json(ladder.rest().getForEntity("/api/users", String.class).getBody()))).contains(MARKUP);

        // The users page: a user made there with the markup as name and initial password; that user replaces it on the
        // new-password step and again on the account page; then a reset through the page and the API, and the user's own
        // change through the API. Each password works exactly as typed.
        HostileHttp.Session adminPages = http.signIn(kz.shagym.LadderHarness.ADMIN, kz.shagym.LadderHarness.ADMIN_PASSWORD);
        String pageUser = "markup-page-" + UUID.randomUUID().toString().substring(0, 8);
        form(http, adminPages, "/admin/users", Map.of("username", pageUser, "fullName", MARKUP, "email", "", "role", "STAFF",
                "language", "ru", "password", PASSWORD_MARKUP), "fullName", "password");
        assertInert(http.get(adminPages, "/admin/users").text(), MARKUP);
        assertInert(http.get(adminPages, "/admin/users/" + pageUser).text(), MARKUP);
        PageSession firstSignIn = new PageSession(restTemplate.getRootUri());
        assertThat(firstSignIn.login(pageUser, PASSWORD_MARKUP).statusCode()).isEqualTo(302);
        var chosen = firstSignIn.submit("/my/password/new", "/my/password/new",
                Map.of("newPassword", PASSWORD_MARKUP + "-2", "newPasswordAgain", PASSWORD_MARKUP + "-2"));
        assertThat(PageSession.location(chosen)).as(chosen.body()).isEqualTo("/board");
        exercised.add("POST /my/password/new newPassword");
        exercised.add("POST /my/password/new newPasswordAgain");
        HostileHttp.Session userPages = http.signIn(pageUser, PASSWORD_MARKUP + "-2");
        form(http, userPages, "/my/password", Map.of("currentPassword", PASSWORD_MARKUP + "-2", "newPassword", PASSWORD_MARKUP + "-3",
                "newPasswordAgain", PASSWORD_MARKUP + "-3"), "currentPassword", "newPassword", "newPasswordAgain");
        form(http, adminPages, "/admin/users/" + pageUser + "/password-reset", Map.of("password", PASSWORD_MARKUP + "-4"), "password");
        assertThat(new PageSession(restTemplate.getRootUri()).login(pageUser, PASSWORD_MARKUP + "-4").headers()
                .firstValue("Location").orElse("")).doesNotContain("error");
        post(ladder.rest(), "/api/users/" + pageUser + "/password-reset", "{\"password\": %s}".formatted(quote(PASSWORD_MARKUP + "-5")),
                200, "password");
        post(restTemplate.withBasicAuth(pageUser, PASSWORD_MARKUP + "-5"), "/api/me/password",
                "{\"currentPassword\": %s, \"newPassword\": %s}".formatted(quote(PASSWORD_MARKUP + "-5"), quote(PASSWORD_MARKUP + "-6")),
                204, "currentPassword", "newPassword");
        assertThat(restTemplate.withBasicAuth(pageUser, PASSWORD_MARKUP + "-6").getForEntity("/api/clock", String.class)
                .getStatusCode().value()).isEqualTo(200);

        // The deadline calculator reads its language from the body: markup there is no language, and nothing runs.
        post(asLawyer, "/api/deadlines/compute", "{\"rule\": \"kz.upk.106.file-complaint\", \"trigger\": \"2026-05-01T15:00:00+05:00\","
                + " \"lang\": %s}".formatted(quote(MARKUP)), 200, "lang");

        assertThat(exercised).as("every stored text field of the corpus is exercised here").isEqualTo(textFieldsOfTheCorpus());
    }

    /** "POST /api/complaints victim.fullName" for every TEXT field of a body, and TEXT parameter of a write. */
    private static Set<String> textFieldsOfTheCorpus() {
        Set<String> fields = new TreeSet<>();
        for (EndpointCorpus.Entry entry : EndpointCorpus.ALL) {
            if (entry.body() == Body.JSON || entry.body() == Body.FORM || entry.body() == Body.MULTIPART) {
                entry.fields().stream().filter(f -> f.kind() == Kind.TEXT).forEach(f -> fields.add(entry.route() + " " + f.name()));
            }
            if (!entry.safe()) {
                entry.params().stream().filter(f -> f.kind() == Kind.TEXT).forEach(f -> fields.add(entry.route() + " " + f.name()));
            }
        }
        return fields;
    }

    private static void assertInert(String html, String... shown) {
        assertThat(html).doesNotContain(EVALUATED).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .doesNotContain("<b>{{").doesNotContain("<i>{{");
        for (String text : shown) {
            assertThat(html).contains(HtmlUtils.htmlEscape(text));
        }
    }

    private String post(TestRestTemplate as, String path, String body, int status, String... fields) {
        return send(as, HttpMethod.POST, path, body, status, fields);
    }

    private String send(TestRestTemplate as, HttpMethod method, String path, String body, int status, String... fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = as.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertAnswered(response, status);
        for (String field : fields == null ? new String[0] : fields) {
            exercised.add(method.name() + " " + EndpointCorpus.ALL.stream()
                    .filter(e -> e.method().equals(method.name()) && matches(e.pattern(), path))
                    .findFirst().orElseThrow().pattern() + " " + field);
        }
        return response.getBody();
    }

    private HostileHttp.Reply form(HostileHttp http, HostileHttp.Session session, String path, Map<String, String> fields,
                                   String... exercisedFields) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("_csrf", session.csrf());
        HostileHttp.Reply reply = http.send(session, "POST", path, "application/x-www-form-urlencoded",
                HostileHttp.form(body).getBytes(StandardCharsets.UTF_8), Map.of(), false);
        assertThat(reply.status()).as("%s -> %s", path, reply).isEqualTo(302);
        for (String field : exercisedFields) {
            exercised.add("POST " + EndpointCorpus.ALL.stream().filter(e -> e.method().equals("POST") && matches(e.pattern(), path))
                    .findFirst().orElseThrow().pattern() + " " + field);
        }
        return reply;
    }

    private static boolean matches(String pattern, String path) {
        return path.matches(pattern.replaceAll("\\{[^/]+}", "[^/]+"));
    }

    private static void assertAnswered(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getBody())).doesNotContain(EVALUATED);
    }

    private UUID eventId(UUID id, String type) {
        for (JsonNode h : ladder.view(id).get("history")) {
            if (type.equals(h.get("type").asText())) {
                return UUID.fromString(h.get("id").asText());
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    private String channel(UUID letter) {
        return jdbc.sql("select channel from letter where id = :id").param("id", letter).query(String.class).single();
    }

    /** Every string value anywhere in the document, decoded, one a line: a text kept verbatim is found in it. */
    private static String texts(JsonNode node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        }
        node.forEach(child -> collect(child, out));
    }

    private JsonNode json(String body) {
        return ladder.read(body);
    }

    private static String quote(String text) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(text).toString();
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }
}
