package kz.shagym.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every endpoint of the application, as the hostile-input and need-to-know suites see it: what it takes (path ids,
 * body, fields, query parameters), a request it would accept on the {@link CaseFixture} case, and who may call it.
 * {@link HostileInputTest#everyEndpointHasACorpusEntry} compares this list with Spring's handler mappings at run
 * time, so an endpoint added without an entry here fails the build instead of escaping the hostile corpus.
 */
final class EndpointCorpus {

    /** What the request body is. */
    /** What the request body is; MULTIPART is a page's upload form: a DOCX in the part "file" and the form's fields. */
    enum Body { NONE, JSON, DOCX, FORM, MULTIPART }

    /** Who may call it; the CASE_ scopes take a case (or something of a case) in the path. */
    enum Scope {
        PUBLIC, SIGNED_IN, ROLE,
        /** reads a case: any who may read it (a lawyer only their own) */
        CASE_READ,
        /** changes a case: its lawyer, staff, admins; never a coordinator */
        CASE_WRITE,
        /** hands out a letter file, which names the victim: only those who may see the victim's identity */
        CASE_IDENTITY,
        /** changes what only the identity grant may see (the medical facts): its lawyer, assigned staff and admins; never a coordinator */
        CASE_MEDICAL,
        /** changes who may see the case (per-case grants): its lawyer and admins only */
        CASE_GRANT,
        /** hands the case to another lawyer: administrators and coordinators only */
        CASE_ASSIGN;

        boolean caseScoped() {
            return this == CASE_READ || this == CASE_WRITE || this == CASE_IDENTITY || this == CASE_MEDICAL || this == CASE_GRANT
                    || this == CASE_ASSIGN;
        }
    }

    /** The kinds of id a path can carry. */
    enum Id { COMPLAINT, EVENT, LETTER, VERSION, DEADLINE, REMINDER, CALENDAR_TOKEN, API_TOKEN, USERNAME, GRANTEE, GRANT_KIND, ATTACHMENT }

    /** The kind of a field or query parameter, which decides the hostile values thrown at it. */
    enum Kind {
        /** free text, stored and shown: wrong JSON types and over-long values here; markup in the verbatim test */
        TEXT,
        /** a constrained word (language, username, rule id): junk words are refused */
        CODE,
        /** an ISO-8601 period (P16D, PT2H) */
        PERIOD,
        INSTANT, DATE,
        /** a date of something that has happened: also sent a date a year after the fixture was built */
        PAST_DATE,
        LOCAL_DATE_TIME, TIME, ENUM, UUID,
        /** a whole number; a field's {@code max} is then the largest accepted value, the smallest being 1 */
        INTEGER,
        BOOLEAN, ENUM_LIST, DATE_LIST, OBJECT
    }

    /**
     * A JSON field (dotted path), form field or query parameter. {@code max} is the longest accepted text, or the
     * largest accepted number (0: no limit to test); {@code required} fields are also sent missing and null.
     */
    record Field(String name, Kind kind, boolean required, int max) {}

    /**
     * One endpoint. {@code slow} marks those that run LibreOffice or export every case (seconds each): they are sent
     * only requests that must be refused before that work starts.
     */
    record Entry(String method, String pattern, Scope scope, Body body, Map<String, Id> ids,
                 Function<CaseFixture, String> json, Function<CaseFixture, Map<String, String>> form,
                 List<Field> fields, List<Field> params, Set<String> roles, boolean slow) {

        String route() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        /** The path with the fixture's ids in place. */
        String path(CaseFixture fixture) {
            String path = pattern;
            for (Map.Entry<String, Id> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", fixture.id(id.getValue()));
            }
            return path;
        }

        boolean safe() {
            return method.equals("GET");
        }
    }

    /** Handler mappings left out of the corpus, with why; a mapping without HTTP methods is listed as "ANY". */
    private static final String ATTACHMENTS = "an attachment endpoint: AttachmentApiTest and AttachmentsBrowserTest try it (access, types, size); its entry in the corpus (which changes the case) is still to be written";

    static final Map<String, String> NOT_IN_CORPUS = Map.of(
            "ANY /error", "Spring Boot's error page: the container forwards failed requests to it; it reads no input",
            "POST /api/complaints/{id}/attachments", ATTACHMENTS,
            "DELETE /api/complaints/{id}/attachments/{attachmentId}", ATTACHMENTS,
            "POST /cases/{id}/attachments", ATTACHMENTS,
            "POST /cases/{id}/attachments/{attachmentId}/delete", ATTACHMENTS,
            "POST /cases/{id}/letters/{letterId}/annexes", ATTACHMENTS);

    static final List<Entry> ALL = build();

    private EndpointCorpus() {
    }

    private static List<Entry> build() {
        List<Entry> all = new ArrayList<>();

        // ---- complaints and events ---------------------------------------------------------------------------
        all.add(entry("POST", "/api/complaints", Scope.ROLE).roles("ADMIN", "LAWYER", "STAFF").json(f -> """
                {"victim": {"fullName": "Корпусов Корпус Корпусович", "birthDate": "1980-02-03"}, "region": "Алматы",
                 "allegation": "TORTURE", "filedWith": "POLICE", "filedAt": "%s", "language": "ru",
                 "medical": {"injuries": "bruises on both wrists", "examinationDate": "%s", "examinationPlace": "city hospital",
                  "forensicExamination": "REQUESTED", "doctorFindings": "haematomas"}}""".formatted(f.ago(48), f.ago(24).substring(0, 10)))
                .field("victim", Kind.OBJECT, true, 0)
                .field("victim.fullName", Kind.TEXT, true, 5000)
                .field("victim.birthDate", Kind.DATE, false, 0)
                .field("region", Kind.CODE, true, 100)
                .field("allegation", Kind.ENUM, true, 0)
                .field("incidentDate", Kind.DATE, false, 0)
                .field("filedWith", Kind.ENUM, true, 0)
                .field("filedAt", Kind.INSTANT, true, 0)
                .field("language", Kind.CODE, true, 0)
                .field("lawyer", Kind.CODE, false, 100)
                .field("medical", Kind.OBJECT, false, 0)
                .field("medical.injuries", Kind.TEXT, false, 4000)
                .field("medical.examinationDate", Kind.PAST_DATE, false, 0)
                .field("medical.examinationPlace", Kind.TEXT, false, 300)
                .field("medical.forensicExamination", Kind.ENUM, false, 0)
                .field("medical.doctorFindings", Kind.TEXT, false, 4000).build());
        all.add(entry("GET", "/api/complaints", Scope.SIGNED_IN)
                .param("limit", Kind.INTEGER).param("victimName", Kind.TEXT, 500).build());
        all.add(entry("GET", "/api/complaints/{id}", Scope.CASE_READ).id("id", Id.COMPLAINT).build());
        all.add(entry("POST", "/api/complaints/{id}/events", Scope.CASE_WRITE).id("id", Id.COMPLAINT).json(f -> """
                {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s",
                 "learnedAt": "%s", "note": "judge refused"}""".formatted(f.ago(3), f.ago(2)))
                .field("type", Kind.ENUM, true, 0)
                .field("occurredAt", Kind.INSTANT, false, 0)
                .field("learnedAt", Kind.INSTANT, false, 0)
                .field("authority", Kind.ENUM, false, 0)
                .field("outcome", Kind.ENUM, false, 0)
                .field("reason", Kind.ENUM, false, 0)
                .field("decidedAt", Kind.INSTANT, false, 0)
                .field("copyReceivedAt", Kind.INSTANT, false, 0)
                .field("letterId", Kind.UUID, false, 0)
                .field("filedAt", Kind.INSTANT, false, 0)
                .field("channel", Kind.TEXT, false, 40)
                .field("committee", Kind.ENUM, false, 0)
                .field("interimMeasures", Kind.BOOLEAN, false, 0)
                .field("routes", Kind.ENUM_LIST, false, 0)
                .field("decisionEventId", Kind.UUID, false, 0)
                .field("note", Kind.TEXT, false, 2000)
                .field("closeReason", Kind.ENUM, false, 0).build());
        all.add(entry("POST", "/api/complaints/{id}/events/{eventId}/correction", Scope.CASE_WRITE)
                .id("id", Id.COMPLAINT).id("eventId", Id.EVENT)
                .json(f -> "{\"learnedAt\": \"%s\", \"reason\": \"learned later\"}".formatted(f.ago(1)))
                .field("occurredAt", Kind.INSTANT, false, 0)
                .field("learnedAt", Kind.INSTANT, false, 0)
                .field("copyReceivedAt", Kind.INSTANT, false, 0)
                .field("reason", Kind.TEXT, false, 2000).build());

        all.add(entry("PUT", "/api/complaints/{id}/medical-facts", Scope.CASE_MEDICAL).id("id", Id.COMPLAINT).json(f -> """
                {"injuries": "bruises on both wrists", "examinationDate": "%s", "examinationPlace": "city hospital",
                 "forensicExamination": "REQUESTED", "doctorFindings": "haematomas on both wrists"}""".formatted(f.ago(24).substring(0, 10)))
                .field("injuries", Kind.TEXT, false, 4000)
                .field("examinationDate", Kind.PAST_DATE, false, 0)
                .field("examinationPlace", Kind.TEXT, false, 300)
                .field("forensicExamination", Kind.ENUM, false, 0)
                .field("doctorFindings", Kind.TEXT, false, 4000).build());

        // the case file: read with the identity grant, replaced as a whole by those who may also change the case
        all.add(entry("GET", "/api/complaints/{id}/case-file", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).build());
        all.add(entry("PUT", "/api/complaints/{id}/case-file", Scope.CASE_MEDICAL).id("id", Id.COMPLAINT).json(f -> """
                {"applicant": {"role": "RELATIVE", "fullName": "Serikova Aigul", "gender": "FEMALE", "iin": "700308400111"},
                 "incident": {"place": "police station", "whatHappened": "beaten during the arrest"},
                 "proceedings": {"erdrNumber": "247500031000123"}}""")
                .field("applicant", Kind.OBJECT, false, 0)
                .field("incident", Kind.OBJECT, false, 0)
                .field("proceedings", Kind.OBJECT, false, 0).build());

        // ---- per-case grants -----------------------------------------------------------------------------------
        String grants = "/api/complaints/{id}/grants";
        all.add(entry("GET", grants, Scope.CASE_READ).id("id", Id.COMPLAINT).build());
        all.add(entry("PUT", grants + "/{username}/{kind}", Scope.CASE_GRANT)
                .id("id", Id.COMPLAINT).id("username", Id.GRANTEE).id("kind", Id.GRANT_KIND).build());
        all.add(entry("DELETE", grants + "/{username}/{kind}", Scope.CASE_GRANT)
                .id("id", Id.COMPLAINT).id("username", Id.GRANTEE).id("kind", Id.GRANT_KIND).build());

        // ---- who works on the case (reassigning to the lawyer it already has changes nothing) ----------------------
        all.add(entry("PUT", "/api/complaints/{id}/lawyer", Scope.CASE_ASSIGN).id("id", Id.COMPLAINT)
                .json(f -> "{\"lawyer\": \"%s\"}".formatted(f.id(Id.USERNAME)))
                .field("lawyer", Kind.CODE, true, 100).build());

        // ---- letters ------------------------------------------------------------------------------------------
        String letters = "/api/complaints/{id}/letters";
        all.add(entry("GET", letters, Scope.CASE_READ).id("id", Id.COMPLAINT).build());
        all.add(entry("GET", letters + "/{letterId}", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).id("letterId", Id.LETTER).build());
        all.add(entry("POST", letters + "/{letterId}/review", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .json(f -> "{\"decision\": \"APPROVE\", \"note\": \"fine\"}")
                .field("decision", Kind.ENUM, true, 0)
                .field("note", Kind.TEXT, false, 2000).build());
        all.add(entry("PUT", letters + "/{letterId}/content", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .body(Body.DOCX).param("note", Kind.TEXT, 2000).build());
        all.add(entry("POST", letters + "/{letterId}/regenerate", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER).build());
        // the language the letter is written in: one its kind is written in (Kazakh never for the UN), else 400
        all.add(entry("PUT", letters + "/{letterId}/language", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .json(f -> "{\"language\": \"ru\"}")
                .field("language", Kind.ENUM, true, 0).build());
        // the addressee and the lawyer's statements for one letter: personal facts, like the medical ones
        all.add(entry("GET", letters + "/{letterId}/particulars", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT)
                .id("letterId", Id.LETTER).build());
        all.add(entry("PUT", letters + "/{letterId}/particulars", Scope.CASE_MEDICAL).id("id", Id.COMPLAINT)
                .id("letterId", Id.LETTER)
                .json(f -> "{\"addresseeLines\": [\"Прокурору города Алматы\"], \"missedTermReason\": \"illness\", "
                        + "\"riskStatement\": \"threats\"}")
                .field("missedTermReason", Kind.TEXT, false, 4000)
                .field("riskStatement", Kind.TEXT, false, 4000).build());
        all.add(entry("GET", letters + "/{letterId}/versions", Scope.CASE_READ).id("id", Id.COMPLAINT).id("letterId", Id.LETTER).build());
        all.add(entry("GET", letters + "/{letterId}/versions/{version}", Scope.CASE_IDENTITY)
                .id("id", Id.COMPLAINT).id("letterId", Id.LETTER).id("version", Id.VERSION).build());
        all.add(entry("GET", letters + "/{letterId}/pdf", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).id("letterId", Id.LETTER).slow().build());
        all.add(entry("GET", letters + "/pdf", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).slow().build());

        // ---- attachments (scans, medical reports, photos: identity data) --------------------------------------
        String attachments = "/api/complaints/{id}/attachments";
        all.add(entry("GET", attachments, Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).build());
        all.add(entry("GET", attachments + "/{attachmentId}", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT)
                .id("attachmentId", Id.ATTACHMENT).build());
        all.add(entry("PUT", "/api/letters/{letterId}/annexes", Scope.CASE_WRITE).id("letterId", Id.LETTER)
                .json(f -> "{\"attachmentIds\": [\"" + f.id(Id.ATTACHMENT) + "\"]}").build());

        // ---- reminders and calendars --------------------------------------------------------------------------
        all.add(entry("GET", "/api/reminders/failures", Scope.ROLE).roles("ADMIN", "COORDINATOR").param("all", Kind.BOOLEAN).build());
        all.add(entry("POST", "/api/reminders/{id}/acknowledge", Scope.CASE_READ).id("id", Id.REMINDER).build());
        all.add(entry("POST", "/api/reminders/deadlines/{deadlineId}/acknowledge", Scope.CASE_READ).id("deadlineId", Id.DEADLINE).build());
        all.add(entry("POST", "/api/me/calendar-token", Scope.SIGNED_IN).build());
        all.add(entry("DELETE", "/api/me/calendar-token", Scope.SIGNED_IN).build());
        all.add(entry("GET", "/ics/{token}.ics", Scope.PUBLIC).id("token", Id.CALENDAR_TOKEN).build());

        // ---- the caller's own credentials: personal API tokens, the TOTP second factor -------------------------------
        // The corpus calls as an administrator without a second factor: an attack that reached the code check would be a
        // wrong code, audited and throttled like a wrong password (see TotpTest); every one here is refused before that.
        all.add(entry("POST", "/api/me/tokens", Scope.SIGNED_IN).json(f -> "{\"name\": \"corpus script\", \"expiresInDays\": 30}")
                .field("name", Kind.TEXT, true, 100)
                .field("expiresInDays", Kind.INTEGER, false, 365).build());
        all.add(entry("GET", "/api/me/tokens", Scope.SIGNED_IN).build());
        all.add(entry("DELETE", "/api/me/tokens/{id}", Scope.SIGNED_IN).id("id", Id.API_TOKEN).build());
        all.add(entry("GET", "/api/me/totp", Scope.SIGNED_IN).build());
        all.add(entry("POST", "/api/me/totp/enrollment", Scope.SIGNED_IN).build());
        all.add(entry("POST", "/api/me/totp/confirmation", Scope.SIGNED_IN).json(f -> "{\"code\": \"123456\"}")
                .field("code", Kind.CODE, true, 10).build());
        // disabling also takes a recovery code (xxxxx-xxxxx, blanks allowed: 20 at most)
        all.add(entry("POST", "/api/me/totp/disable", Scope.SIGNED_IN).json(f -> "{\"code\": \"123456\"}")
                .field("code", Kind.CODE, true, 20).build());
        all.add(entry("DELETE", "/api/users/{username}/totp", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME).build());

        // ---- deadlines, reports, clock, users, administration ----------------------------------------------------
        all.add(entry("POST", "/api/deadlines/compute", Scope.SIGNED_IN)
                .json(f -> "{\"rule\": \"kz.upk.106.file-complaint\", \"trigger\": \"2026-05-01T15:00:00+05:00\"}")
                .field("rule", Kind.CODE, false, 0)
                .field("regime", Kind.CODE, false, 0)
                .field("period", Kind.PERIOD, false, 0)
                .field("trigger", Kind.INSTANT, true, 0)
                .field("extraNonWorkingDays", Kind.DATE_LIST, false, 0)
                .field("extraWorkingDays", Kind.DATE_LIST, false, 0)
                .field("lang", Kind.TEXT, false, 0).build());
        all.add(entry("GET", "/api/deadlines/rules", Scope.SIGNED_IN).param("at", Kind.DATE).build());
        all.add(entry("GET", "/api/reports/stages.xlsx", Scope.ROLE).roles("ADMIN", "COORDINATOR").slow().build());
        all.add(entry("GET", "/api/clock", Scope.SIGNED_IN).build());
        all.add(entry("POST", "/api/clock", Scope.SIGNED_IN).json(f -> "{\"add\": \"PT1S\"}")
                .field("add", Kind.PERIOD, true, 0).build());
        all.add(entry("POST", "/api/users", Scope.ROLE).roles("ADMIN").json(f -> """
                {"username": "corpus-user", "password": "corpus-password-1", "role": "STAFF", "fullName": "Corpus User",
                 "email": "corpus@example.org", "language": "ru"}""")
                .field("username", Kind.CODE, true, 100)
                .field("password", Kind.TEXT, true, 72) // bcrypt's 72 bytes
                .field("role", Kind.ENUM, true, 0)
                .field("fullName", Kind.TEXT, false, 200)
                .field("email", Kind.CODE, false, 320)
                .field("language", Kind.CODE, false, 0)
                .field("mustChangePassword", Kind.BOOLEAN, false, 0).build());
        all.add(entry("GET", "/api/users", Scope.ROLE).roles("ADMIN").build());
        // the fixture's lawyer as it is: an accepted change would change nothing
        all.add(entry("PATCH", "/api/users/{username}", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME)
                .json(f -> "{\"role\": \"LAWYER\", \"language\": \"ru\", \"enabled\": true}")
                .field("role", Kind.ENUM, false, 0)
                .field("language", Kind.CODE, false, 0)
                .field("enabled", Kind.BOOLEAN, false, 0).build());
        all.add(entry("POST", "/api/users/{username}/password-reset", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME)
                .json(f -> "{\"password\": \"corpus-temporary-1\"}")
                .field("password", Kind.TEXT, false, 72).build()); // bcrypt's 72 bytes
        all.add(entry("POST", "/api/me/password", Scope.SIGNED_IN).json(f -> """
                {"currentPassword": "%s", "newPassword": "corpus-new-password-1"}""".formatted(kz.shagym.LadderHarness.ADMIN_PASSWORD))
                .field("currentPassword", Kind.TEXT, true, 72)
                .field("newPassword", Kind.TEXT, true, 72).build());
        all.add(entry("GET", "/api/admin/audit/verify", Scope.ROLE).roles("ADMIN").build());
        all.add(entry("GET", "/api/admin/engine", Scope.ROLE).roles("ADMIN").param("gc", Kind.BOOLEAN).build());
        all.add(entry("GET", "/api/admin/engine/consistency", Scope.ROLE).roles("ADMIN").build());
        all.add(entry("GET", "/api/reminders/outbox", Scope.ROLE).roles("ADMIN", "COORDINATOR").build());
        all.add(entry("POST", "/api/admin/crypto/rotate", Scope.ROLE).roles("ADMIN").build());

        // ---- pages ----------------------------------------------------------------------------------------------
        all.add(entry("GET", "/login", Scope.PUBLIC).build());
        all.add(entry("GET", "/login/totp", Scope.PUBLIC).build());
        all.add(entry("GET", "/", Scope.SIGNED_IN).build());
        all.add(entry("GET", "/board", Scope.SIGNED_IN)
                .param("region", Kind.TEXT, 0).param("lawyer", Kind.TEXT, 0).param("rung", Kind.ENUM).param("page", Kind.INTEGER)
                .param("flag", Kind.ENUM).param("sort", Kind.ENUM).param("q", Kind.TEXT, 40).param("victimName", Kind.TEXT, 500)
                .build());
        // the whole board's statistics (every case for the corpus's administrator): only refusals are sent
        all.add(entry("GET", "/board/stages.xlsx", Scope.SIGNED_IN)
                .param("region", Kind.TEXT, 0).param("lawyer", Kind.TEXT, 0).param("rung", Kind.ENUM).param("flag", Kind.ENUM)
                .param("q", Kind.TEXT, 40).param("victimName", Kind.TEXT, 500).slow().build());
        all.add(entry("GET", "/my/deadlines", Scope.SIGNED_IN).build());
        all.add(entry("POST", "/my/deadlines/{deadlineId}/acknowledge", Scope.CASE_READ).id("deadlineId", Id.DEADLINE)
                .body(Body.FORM).form(f -> Map.of()).build());
        all.add(entry("POST", "/my/calendar", Scope.SIGNED_IN).body(Body.FORM).form(f -> Map.of()).build());
        all.add(entry("POST", "/my/calendar/revoke", Scope.SIGNED_IN).body(Body.FORM).form(f -> Map.of()).build());
        all.add(entry("GET", "/my/account", Scope.SIGNED_IN).build());
        all.add(entry("POST", "/my/tokens", Scope.SIGNED_IN).form(f -> Map.of("name", "corpus page script", "expiresInDays", "30"))
                .field("name", Kind.TEXT, true, 100)
                .field("expiresInDays", Kind.INTEGER, false, 365).build());
        all.add(entry("POST", "/my/tokens/{id}/revoke", Scope.SIGNED_IN).id("id", Id.API_TOKEN).body(Body.FORM).form(f -> Map.of()).build());
        all.add(entry("POST", "/my/totp/enroll", Scope.SIGNED_IN).body(Body.FORM).form(f -> Map.of()).build());
        all.add(entry("POST", "/my/totp/confirm", Scope.SIGNED_IN).form(f -> Map.of("code", "123456"))
                .field("code", Kind.CODE, true, 10).build());
        all.add(entry("POST", "/my/totp/disable", Scope.SIGNED_IN).form(f -> Map.of("code", "123456"))
                .field("code", Kind.CODE, true, 20).build());
        all.add(entry("POST", "/my/totp/recovery-codes", Scope.SIGNED_IN).form(f -> Map.of("code", "abcde-fghjk"))
                .field("code", Kind.CODE, true, 20).build());
        all.add(entry("POST", "/my/password", Scope.SIGNED_IN).form(f -> Map.of("currentPassword", kz.shagym.LadderHarness.ADMIN_PASSWORD,
                        "newPassword", "corpus-new-password-1", "newPasswordAgain", "corpus-new-password-1"))
                .field("currentPassword", Kind.TEXT, true, 72)
                .field("newPassword", Kind.TEXT, true, 72)
                .field("newPasswordAgain", Kind.TEXT, true, 72).build());
        all.add(entry("GET", "/my/password/new", Scope.SIGNED_IN).build());
        all.add(entry("POST", "/my/password/new", Scope.SIGNED_IN).form(f -> Map.of(
                        "newPassword", "corpus-new-password-1", "newPasswordAgain", "corpus-new-password-1"))
                .field("newPassword", Kind.TEXT, true, 72)
                .field("newPasswordAgain", Kind.TEXT, true, 72).build());
        all.add(entry("GET", "/admin/users", Scope.ROLE).roles("ADMIN").build());
        all.add(entry("POST", "/admin/users", Scope.ROLE).roles("ADMIN").form(f -> Map.of("username", "corpus-page-user",
                        "fullName", "Корпусова Айгерим", "email", "corpus-page@example.org", "role", "STAFF", "language", "kk",
                        "password", "corpus-password-1"))
                .field("username", Kind.CODE, true, 100)
                .field("fullName", Kind.TEXT, false, 200)
                .field("email", Kind.CODE, false, 320)
                .field("role", Kind.ENUM, true, 0)
                .field("language", Kind.CODE, false, 0)
                .field("password", Kind.TEXT, false, 72).build());
        all.add(entry("GET", "/admin/users/{username}", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME).build());
        // the fixture's lawyer as it is: an accepted change would change nothing
        all.add(entry("POST", "/admin/users/{username}/role", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME)
                .form(f -> Map.of("role", "LAWYER")).field("role", Kind.ENUM, true, 0).build());
        all.add(entry("POST", "/admin/users/{username}/language", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME)
                .form(f -> Map.of("language", "ru")).field("language", Kind.CODE, true, 0).build());
        all.add(entry("POST", "/admin/users/{username}/enabled", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME)
                .form(f -> Map.of("enabled", "true")).field("enabled", Kind.ENUM, true, 0).build());
        all.add(entry("POST", "/admin/users/{username}/password-reset", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME)
                .form(f -> Map.of("password", "corpus-temporary-1")).field("password", Kind.TEXT, false, 72).build());
        all.add(entry("POST", "/admin/users/{username}/totp-reset", Scope.ROLE).roles("ADMIN").id("username", Id.USERNAME)
                .body(Body.FORM).form(f -> Map.of()).build());
        all.add(entry("GET", "/cases/new", Scope.ROLE).roles("ADMIN", "LAWYER", "STAFF").build());
        all.add(entry("POST", "/cases/new", Scope.ROLE).roles("ADMIN", "LAWYER", "STAFF").body(Body.FORM).form(f -> Map.ofEntries(
                        Map.entry("victimName", "Корпусов Корпус"), Map.entry("birthDate", "1980-02-03"), Map.entry("region", "Алматы"),
                        Map.entry("allegation", "TORTURE"), Map.entry("incidentDate", f.ago(48).substring(0, 10)),
                        Map.entry("filedWith", "POLICE"), Map.entry("filedDate", f.ago(48).substring(0, 10)),
                        Map.entry("filedTime", "10:00"), Map.entry("language", "ru"), Map.entry("injuries", "bruises on both wrists"),
                        Map.entry("examinationDate", f.ago(24).substring(0, 10)), Map.entry("examinationPlace", "city hospital"),
                        Map.entry("forensicExamination", "REQUESTED"), Map.entry("doctorFindings", "haematomas")))
                .field("victimName", Kind.TEXT, true, 5000)
                .field("birthDate", Kind.DATE, false, 0)
                .field("region", Kind.CODE, true, 100)
                .field("allegation", Kind.ENUM, false, 0) // missing: the form's default, TORTURE
                .field("incidentDate", Kind.DATE, false, 0)
                .field("filedWith", Kind.ENUM, true, 0)
                .field("filedDate", Kind.DATE, true, 0)
                .field("filedTime", Kind.TIME, true, 0)
                .field("language", Kind.CODE, false, 0) // missing: the form's default, ru
                .field("injuries", Kind.TEXT, false, 4000)
                .field("examinationDate", Kind.PAST_DATE, false, 0)
                .field("examinationPlace", Kind.TEXT, false, 300)
                .field("forensicExamination", Kind.ENUM, false, 0)
                .field("doctorFindings", Kind.TEXT, false, 4000).build());
        all.add(entry("GET", "/cases/{id}", Scope.CASE_READ).id("id", Id.COMPLAINT).build());
        // the judge's decision on a complaint not filed yet: refused whatever else is sent (as the API's own sample is)
        all.add(entry("POST", "/cases/{id}/events", Scope.CASE_WRITE).id("id", Id.COMPLAINT).body(Body.FORM).form(f -> Map.of(
                        "type", "JUDGE_DECISION", "outcome", "REFUSED",
                        "decidedAt", f.agoLocal(3), "learnedAt", f.agoLocal(2), "note", "judge refused"))
                .field("type", Kind.ENUM, true, 0)
                .field("authority", Kind.ENUM, false, 0)
                .field("outcome", Kind.ENUM, false, 0)
                .field("reason", Kind.ENUM, false, 0)
                .field("decidedAt", Kind.LOCAL_DATE_TIME, true, 0)
                .field("learnedAt", Kind.LOCAL_DATE_TIME, false, 0)
                .field("copyReceivedAt", Kind.LOCAL_DATE_TIME, false, 0)
                .field("committee", Kind.ENUM, false, 0)
                .field("interimMeasures", Kind.BOOLEAN, false, 0)
                .field("decisionEventId", Kind.UUID, false, 0)
                .field("closeReason", Kind.ENUM, false, 0)
                .field("note", Kind.TEXT, false, 2000).build());
        all.add(entry("POST", "/cases/{id}/lawyer", Scope.CASE_ASSIGN).id("id", Id.COMPLAINT)
                .form(f -> Map.of("lawyer", f.id(Id.USERNAME)))
                .field("lawyer", Kind.CODE, true, 100).build());
        all.add(entry("POST", "/cases/{id}/filings", Scope.CASE_WRITE).id("id", Id.COMPLAINT).body(Body.FORM).form(f -> Map.of(
                        "letterId", f.id(Id.LETTER), "filedOn", f.agoLocal(1).substring(0, 10), "channel", "IN_PERSON"))
                .field("letterId", Kind.UUID, true, 0)
                .field("filedOn", Kind.DATE, true, 0)
                .field("channel", Kind.TEXT, false, 40).build()); // missing: the form's default, IN_PERSON
        all.add(entry("POST", "/cases/{id}/case-file", Scope.CASE_MEDICAL).id("id", Id.COMPLAINT).body(Body.FORM).form(f -> Map.of(
                        "applicantFullName", "Serikova Aigul", "incidentWhatHappened", "beaten during the arrest",
                        "counselWarrantDate", f.agoLocal(24).substring(0, 10)))
                .field("applicantFullName", Kind.TEXT, false, 300)
                .field("incidentWhatHappened", Kind.TEXT, false, 8000)
                .field("counselWarrantDate", Kind.PAST_DATE, false, 0).build());
        for (String path : List.of("/cases/{id}/grants", "/cases/{id}/grants/revoke")) {
            all.add(entry("POST", path, Scope.CASE_GRANT).id("id", Id.COMPLAINT)
                    .form(f -> Map.of("username", f.id(Id.GRANTEE), "kind", f.id(Id.GRANT_KIND)))
                    .field("username", Kind.CODE, true, 100)
                    .field("kind", Kind.ENUM, true, 0).build());
        }
        all.add(entry("GET", "/cases/{id}/letters/{letterId}", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).id("letterId", Id.LETTER).build());
        all.add(entry("GET", "/cases/{id}/attachments/{attachmentId}", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT)
                .id("attachmentId", Id.ATTACHMENT).build());
        // the letters workspace: the page shows the letter's title and status to whoever reads the case, its content
        // (rendered pages, versions, what changed) only to those who see the identity; it renders through LibreOffice
        String workspace = "/cases/{id}/letters/{letterId}";
        all.add(entry("GET", workspace + "/review", Scope.CASE_READ).id("id", Id.COMPLAINT).id("letterId", Id.LETTER).slow().build());
        all.add(entry("POST", workspace + "/review", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .form(f -> Map.of("decision", "APPROVE", "note", "fine"))
                .field("decision", Kind.ENUM, true, 0)
                .field("note", Kind.TEXT, false, 2000).build());
        all.add(entry("POST", workspace + "/content", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .body(Body.MULTIPART).form(f -> Map.of("note", "edited"))
                .field("note", Kind.TEXT, false, 2000).build());
        all.add(entry("POST", workspace + "/particulars", Scope.CASE_MEDICAL).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .body(Body.FORM).form(f -> Map.of("addressee", "Прокурору города Алматы", "missedTermReason", "illness"))
                .field("addressee", Kind.TEXT, false, 2000)
                .field("missedTermReason", Kind.TEXT, false, 4000).build());
        all.add(entry("POST", workspace + "/regenerate", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .body(Body.FORM).form(f -> Map.of()).build());
        all.add(entry("POST", workspace + "/language", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .body(Body.FORM).form(f -> Map.of("language", "ru"))
                .field("language", Kind.ENUM, true, 0).build());
        all.add(entry("POST", workspace + "/filing", Scope.CASE_WRITE).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .form(f -> Map.of("filedOn", f.agoLocal(1).substring(0, 10), "channel", "IN_PERSON"))
                .field("filedOn", Kind.DATE, true, 0)
                .field("channel", Kind.TEXT, false, 40).build());
        all.add(entry("GET", workspace + "/pages/{page}.png", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .id("page", Id.VERSION).slow().build());
        all.add(entry("GET", workspace + "/pdf", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).id("letterId", Id.LETTER).slow().build());
        all.add(entry("GET", workspace + "/versions/{version}", Scope.CASE_IDENTITY).id("id", Id.COMPLAINT).id("letterId", Id.LETTER)
                .id("version", Id.VERSION).build());
        return List.copyOf(all);
    }

    static Entry find(String route) {
        return ALL.stream().filter(e -> e.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError("no corpus entry " + route));
    }

    private static Builder entry(String method, String pattern, Scope scope) {
        return new Builder(method, pattern, scope);
    }

    private static final class Builder {
        private final String method;
        private final String pattern;
        private final Scope scope;
        private Body body = Body.NONE;
        private final Map<String, Id> ids = new LinkedHashMap<>();
        private Function<CaseFixture, String> json = f -> null;
        private Function<CaseFixture, Map<String, String>> form = f -> Map.of();
        private final List<Field> fields = new ArrayList<>();
        private final List<Field> params = new ArrayList<>();
        private Set<String> roles = Set.of();
        private boolean slow;

        Builder(String method, String pattern, Scope scope) {
            this.method = method;
            this.pattern = pattern;
            this.scope = scope;
        }

        Builder id(String name, Id kind) {
            ids.put(name, kind);
            return this;
        }

        Builder body(Body kind) {
            body = kind;
            return this;
        }

        Builder json(Function<CaseFixture, String> sample) {
            body = Body.JSON;
            json = sample;
            return this;
        }

        Builder form(Function<CaseFixture, Map<String, String>> sample) {
            body = body == Body.MULTIPART ? Body.MULTIPART : Body.FORM;
            form = sample;
            return this;
        }

        Builder field(String name, Kind kind, boolean required, int max) {
            fields.add(new Field(name, kind, required, max));
            return this;
        }

        Builder param(String name, Kind kind) {
            return param(name, kind, 0);
        }

        Builder param(String name, Kind kind, int max) {
            params.add(new Field(name, kind, false, max));
            return this;
        }

        Builder slow() {
            slow = true;
            return this;
        }

        Builder roles(String... names) {
            roles = Set.of(names);
            return this;
        }

        Entry build() {
            return new Entry(method, pattern, scope, body, java.util.Collections.unmodifiableMap(ids), json, form, List.copyOf(fields),
                    List.copyOf(params), roles, slow);
        }
    }
}
