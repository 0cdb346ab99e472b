package kz.shagym.complaint;

import kz.shagym.security.CaseScope;
import kz.shagym.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kz.shagym.security.AuditLog;
import kz.shagym.security.AuditVerifier;
import kz.shagym.security.EncryptLegacyIdentities;
import kz.shagym.security.IdentityKeys;
import kz.shagym.security.VictimIdentityCipher;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The same migrations and ledger SQL on each database: plain JDBC, Flyway and the ledger class, no application context
 * (and so no second engine). Subclasses give the database: H2 in the default suite, PostgreSQL in -Ppostgres.
 */
abstract class LedgerMigrationContract {

    private static final String NAME = "Төлеубаев Нұрлан Ёркінұлы";
    private final VictimIdentityCipher cipher = new VictimIdentityCipher(new IdentityKeys(
            Map.of("k1", Base64.getDecoder().decode("q6bJ2J6k0v1zq3mZ0cJw0k1D6m9oB4mQ3hZ7dE3xT1A=")), "k1"));
    private DataSource dataSource;
    private JdbcClient jdbc;

    protected abstract DataSource dataSource();

    @BeforeEach
    void cleanDatabase() {
        dataSource = dataSource();
        jdbc = JdbcClient.create(dataSource);
        flyway(null).clean();
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new EncryptLegacyIdentities(cipher)).cleanDisabled(false);
        if (target != null) {
            configuration = configuration.target(target);
        }
        return configuration.load();
    }

    private void lawyer() {
        jdbc.sql("insert into app_user (username, password_hash, role, created_at) values ('lawyer-1', 'x', 'LAWYER', :now)")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    /**
     * The engine's outbox table takes what Spring Modulith's JDBC event publication registry writes and asks (its
     * statements for H2 and PostgreSQL): a publication stored, found incomplete, and deleted once delivered.
     */
    @Test
    void theOutboxTableTakesTheRegistrysPublicationsAndTheLedgerKeepsTheCurrentLadderRun() {
        flyway(null).migrate();
        UUID publication = UUID.randomUUID();
        String event = "{\"complaintId\":\"" + UUID.randomUUID() + "\"}";
        jdbc.sql("insert into event_publication (id, event_type, listener_id, publication_date, serialized_event) "
                        + "values (:id, :type, :listener, :at, :event)")
                .param("id", publication).param("type", EngineCommand.StartLadder.class.getName())
                .param("listener", "kz.shagym.escalation.EngineOutbox.deliver(kz.shagym.complaint.EngineCommand)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("event", event).update();
        assertThat(jdbc.sql("select id from event_publication where completion_date is null order by publication_date asc")
                .query(UUID.class).list()).containsExactly(publication);
        assertThat(jdbc.sql("delete from event_publication where listener_id = :listener and serialized_event = :event")
                .param("listener", "kz.shagym.escalation.EngineOutbox.deliver(kz.shagym.complaint.EngineCommand)")
                .param("event", event).update()).isEqualTo(1);

        lawyer();
        ComplaintLedger ledger = new ComplaintLedger(jdbc, cipher, new BoardRows(jdbc));
        Instant now = Instant.parse("2026-01-10T05:00:00Z");
        UUID id = UUID.randomUUID();
        ledger.insertComplaint(new ComplaintRecord(id, "SH-" + ledger.nextCaseSequence(), "Алматы", "TORTURE", "POLICE", now,
                LocalDate.of(2026, 1, 2), "ru", Stage.values()[0], "OPEN", "lawyer-1", NAME, null, null, null, null, now, now));
        assertThat(ledger.currentLadderRun(id)).isEmpty();
        UUID run = UUID.randomUUID();
        ledger.beginLadderRun(id, run);
        assertThat(ledger.currentLadderRun(id)).contains(run);
    }

    @Test
    void migrationsRunAndTheLedgerWritesAndReadsAnEncryptedComplaint() {
        flyway(null).migrate();
        lawyer();
        ComplaintLedger ledger = new ComplaintLedger(jdbc, cipher, new BoardRows(jdbc));
        Instant now = Instant.parse("2026-01-10T05:00:00Z");
        UUID id = UUID.randomUUID();
        ledger.insertComplaint(new ComplaintRecord(id, "SH-" + ledger.nextCaseSequence(), "Алматы", "TORTURE", "POLICE", now,
                LocalDate.of(2026, 1, 2), "ru", Stage.values()[0], "OPEN", "lawyer-1", NAME, LocalDate.of(1984, 3, 9), null,
                null, null, now, now));

        ComplaintRecord read = ledger.find(id).orElseThrow();
        assertThat(read.victimFullName()).isEqualTo(NAME);
        assertThat(read.victimBirthDate()).isEqualTo(LocalDate.of(1984, 3, 9));
        assertThat(ledger.lock(id)).isPresent();
        Map<String, Object> raw = jdbc.sql("select victim_full_name, victim_birth_date_enc from complaint where id = :id")
                .param("id", id).query().singleRow();
        assertSealed(raw.get("victim_full_name"), "Төлеубаев");
        assertSealed(raw.get("victim_birth_date_enc"), "1984-03-09");
        assertThat(ledger.summariesByVictimName("төлеубаев  нұрлан еркінұлы", CaseScope.of("lawyer-1", Role.LAWYER), 10))
                .extracting(ComplaintLedger.Summary::id).containsExactly(id);
        assertThat(ledger.summariesByVictimName(NAME, CaseScope.of("someone-else", Role.LAWYER), 10)).isEmpty();
    }

    /**
     * V13.2: a board written before it learns that its case's court term was missed while the filing is still awaited
     * (the case keeps that last day and is flagged), and the case number's running number, on both databases.
     */
    @Test
    void anOpenCaseWithAMissedTermAwaitingItsFilingIsFlaggedOnTheBoardByTheMigration() {
        flyway("12").migrate();
        lawyer();
        OffsetDateTime at = OffsetDateTime.parse("2026-01-10T05:00:00Z");
        UUID id = UUID.randomUUID();
        UUID track = UUID.randomUUID();
        jdbc.sql("""
                insert into complaint (id, case_number, region, allegation, filed_with, filed_at, language, stage, status, lawyer,
                  victim_full_name, created_at, updated_at)
                values (:id, 'SHG-2026-000042', 'Алматы', 'TORTURE', 'POLICE', :at, 'ru', 'INVESTIGATIVE_JUDGE', 'OPEN',
                  'lawyer-1', 'v1:none', :at, :at)""").param("id", id).param("at", at).update();
        jdbc.sql("insert into rung_track (id, complaint_id, rung, step, opened_at) values (:t, :c, 'INVESTIGATIVE_JUDGE', 'AWAITING_FILING', :at)")
                .param("t", track).param("c", id).param("at", at).update();
        jdbc.sql("""
                insert into deadline (id, complaint_id, track_id, role, rule_id, owed_by, trigger_kind, trigger_at, last_day, due_at,
                  status, confidence, created_at)
                values (:d, :c, :t, 'JUDGE_COMPLAINT', 'kz.upk.106.file-complaint', 'APPLICANT', 'REFUSAL_LEARNED', :at,
                  :last, :at, 'MISSED', 'V2', :at)""")
                .param("d", UUID.randomUUID()).param("c", id).param("t", track).param("at", at)
                .param("last", LocalDate.of(2026, 1, 25)).update();
        // the board as V10 kept it: no running clock
        jdbc.sql("""
                insert into board_case (complaint_id, case_number, region, lawyer, stage, next_last_day, authority_missed)
                values (:c, 'SHG-2026-000042', 'Алматы', 'lawyer-1', 'INVESTIGATIVE_JUDGE', null, false)""").param("c", id).update();
        jdbc.sql("""
                insert into board_case_rung (complaint_id, rung, region, lawyer, next_last_day, case_number)
                values (:c, 'INVESTIGATIVE_JUDGE', 'Алматы', 'lawyer-1', null, 'SHG-2026-000042')""").param("c", id).update();
        jdbc.sql("insert into board_count (region, lawyer, rung, cases) values ('Алматы', 'lawyer-1', '*', 1), "
                + "('Алматы', 'lawyer-1', 'INVESTIGATIVE_JUDGE', 1)").update();

        flyway(null).migrate();

        Map<String, Object> row = jdbc.sql("select next_last_day, applicant_missed, authority_silent, case_seq from board_case where complaint_id = :c")
                .param("c", id).query().singleRow();
        assertThat(row.get("applicant_missed")).isEqualTo(true);
        assertThat(row.get("authority_silent")).isEqualTo(false);
        assertThat(row.get("case_seq")).isEqualTo("42");
        assertThat(jdbc.sql("select next_last_day from board_case_rung where complaint_id = :c").param("c", id)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 1, 25));
        assertThat(new BoardRows(jdbc).drift()).as("the migrated rows are what the ledger gives").isEmpty();
    }

    /** V11: a staff member's lists are the cases granted to them, by one exists on the grants' index, on both databases. */
    @Test
    void aStaffScopeListsOnlyTheCasesGrantedToTheStaffMember() {
        flyway(null).migrate();
        lawyer();
        jdbc.sql("insert into app_user (username, password_hash, role, created_at) values ('staff-1', 'x', 'STAFF', :now)")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        ComplaintLedger ledger = new ComplaintLedger(jdbc, cipher, new BoardRows(jdbc));
        Instant now = Instant.parse("2026-01-10T05:00:00Z");
        UUID granted = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        for (UUID id : new UUID[] {granted, other}) {
            ledger.insertComplaint(new ComplaintRecord(id, "SH-" + ledger.nextCaseSequence(), "Алматы", "TORTURE", "POLICE", now,
                    LocalDate.of(2026, 1, 2), "ru", Stage.values()[0], "OPEN", "lawyer-1", NAME, null, null, null, null, now, now));
        }
        jdbc.sql("""
                insert into case_grant (complaint_id, username, kind, granted_by, granted_at)
                values (:c, 'staff-1', 'STAFF', 'lawyer-1', :now)""")
                .param("c", granted).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();

        assertThat(ledger.summaries(CaseScope.of("staff-1", Role.STAFF), 10)).extracting(ComplaintLedger.Summary::id)
                .containsExactly(granted);
        assertThat(ledger.summaries(CaseScope.ALL, 10)).extracting(ComplaintLedger.Summary::id).contains(granted, other);
        assertThat(ledger.summaries(CaseScope.of("lawyer-1", Role.LAWYER), 10)).hasSize(2);
    }

    @Test
    void medicalFactsAndANameOfTheLongestAcceptedLengthAreStoredEncryptedAndReadBack() {
        flyway(null).migrate();
        lawyer();
        ComplaintLedger ledger = new ComplaintLedger(jdbc, cipher, new BoardRows(jdbc));
        Instant now = Instant.parse("2026-01-10T05:00:00Z");
        UUID id = UUID.randomUUID();
        String longName = "中".repeat(5000); // 3 bytes of UTF-8 per character: the widest envelope 5000 characters make
        ledger.insertComplaint(new ComplaintRecord(id, "SH-" + ledger.nextCaseSequence(), "Алматы", "TORTURE", "POLICE", now,
                LocalDate.of(2026, 1, 2), "ru", Stage.values()[0], "OPEN", "lawyer-1", longName, null, null,
                null, null, now, now));
        assertThat(ledger.medicalFacts(id)).isEqualTo(MedicalFacts.NONE);
        String longest = "中".repeat(MedicalFacts.MAX_TEXT);
        MedicalFacts facts = new MedicalFacts(longest, LocalDate.of(2026, 1, 3), "中".repeat(MedicalFacts.MAX_PLACE),
                MedicalFacts.ForensicExamination.DONE, longest);

        ledger.updateMedicalFacts(id, facts, now);

        assertThat(ledger.medicalFacts(id)).isEqualTo(facts);
        assertThat(ledger.find(id).orElseThrow().victimFullName()).isEqualTo(longName);
        Map<String, Object> raw = jdbc.sql("select medical_injuries, medical_exam_date, medical_exam_place, medical_forensic_exam, "
                + "medical_findings from complaint where id = :id").param("id", id).query().singleRow();
        assertSealed(raw.get("medical_injuries"), "中中中中");
        assertSealed(raw.get("medical_exam_date"), "2026-01-03");
        assertSealed(raw.get("medical_exam_place"), "中中中中");
        assertSealed(raw.get("medical_forensic_exam"), "DONE");
        assertSealed(raw.get("medical_findings"), "中中中中");
    }

    @Test
    void rowsFromBeforeV5AreEncryptedByTheJavaMigration() {
        flyway("2").migrate(); // before V5 (V2 exists on every branch)
        lawyer();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into complaint (id, case_number, region, allegation, filed_with, filed_at, language, stage, status, lawyer,
                  victim_full_name, victim_birth_date, created_at, updated_at)
                values (:id, 'OLD-1', 'Алматы', 'TORTURE', 'POLICE', :now, 'ru', :stage, 'OPEN', 'lawyer-1', :name, :birth, :now, :now)""")
                .param("id", id).param("now", now).param("stage", Stage.values()[0].name()).param("name", NAME)
                .param("birth", LocalDate.of(1970, 12, 31)).update();
        flyway(null).migrate();

        assertThat(jdbc.sql("select victim_full_name from complaint where id = :id").param("id", id).query(String.class).single())
                .startsWith("v1:k1:");
        ComplaintRecord read = new ComplaintLedger(jdbc, cipher, new BoardRows(jdbc)).find(id).orElseThrow();
        assertThat(read.victimFullName()).isEqualTo(NAME);
        assertThat(read.victimBirthDate()).isEqualTo(LocalDate.of(1970, 12, 31));
    }

    @Test
    void v10FillsTheBoardFromTheLedgerAndEveryLedgerWriteKeepsItInStep() {
        flyway("6").migrate(); // a ledger from before the board's rows
        lawyer();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID open = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        legacyComplaint(open, "OLD-1", "OPEN", now);
        legacyComplaint(closed, "OLD-2", "CLOSED", now);
        UUID track = UUID.randomUUID();
        jdbc.sql("insert into rung_track (id, complaint_id, rung, step, opened_at) values (:id, :c, 'INVESTIGATIVE_JUDGE', 'AWAITING_FILING', :now)")
                .param("id", track).param("c", open).param("now", now).update();
        UUID courtTerm = legacyDeadline(open, track, "APPLICANT", "OPEN", LocalDate.of(2026, 3, 2), now);
        legacyDeadline(open, track, "APPLICANT", "OPEN", LocalDate.of(2026, 3, 9), now);
        legacyDeadline(open, track, "AUTHORITY", "MISSED", LocalDate.of(2026, 2, 1), now);
        flyway(null).migrate();

        BoardRows board = new BoardRows(jdbc);
        assertThat(board.drift()).isEmpty();
        assertThat(jdbc.sql("select next_last_day from board_case where complaint_id = :id").param("id", open)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(jdbc.sql("select authority_missed from board_case where complaint_id = :id").param("id", open)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from board_case where complaint_id = :id").param("id", closed)
                .query(Integer.class).single()).as("closed cases are not on the board").isZero();
        // 'Алматы' typed before V13 is the code of the city since
        assertThat(jdbc.sql("select cases from board_count where region = 'ALMATY' and lawyer = 'lawyer-1' and rung = :r")
                .param("r", BoardRows.EVERY_RUNG).query(Integer.class).single()).isEqualTo(1);

        // Ledger writes outside a transaction commit one by one: the board follows each at once.
        ComplaintLedger ledger = new ComplaintLedger(jdbc, cipher, board);
        ledger.closeDeadline(courtTerm, "MET", now.toInstant());
        assertThat(jdbc.sql("select next_last_day from board_case where complaint_id = :id").param("id", open)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 3, 9));
        ledger.closeTrack(track, "closed", now.toInstant());
        ledger.updateStage(open, Stage.CLOSED, "CLOSED", now.toInstant());
        assertThat(jdbc.sql("select count(*) from board_case").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(cases), 0) from board_count").query(Integer.class).single()).isZero();
        assertThat(board.drift()).isEmpty();
    }

    /** V13: free-text regions that name a region of config/regions.yaml become its code, the board's counters merged. */
    @Test
    void v13TurnsRegionsTypedAsTextIntoCodesAndMergesTheirBoardCounters() {
        flyway("6").migrate(); // before the board's rows, so that V10 builds them from these complaints
        lawyer();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("Алма-Ата", "ALMATY");
        typed.put("Almaty", "ALMATY");
        typed.put(" Алматы ", "ALMATY");
        typed.put("алматы", "ALMATY");
        typed.put("Алматинская область", "ALMATY_REGION");
        typed.put("Нур-Султан", "ASTANA");
        typed.put("Қарағанды облысы", "KARAGANDA");
        typed.put("ВКО", "EAST_KAZAKHSTAN");
        typed.put("Посёлок Нигде", "Посёлок Нигде");
        Map<UUID, String> expected = new java.util.LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> region : typed.entrySet()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into complaint (id, case_number, region, allegation, filed_with, filed_at, language, stage, status, lawyer,
                      victim_full_name, created_at, updated_at)
                    values (:id, :number, :region, 'TORTURE', 'POLICE', :now, 'ru', 'FILED_WITH_AUTHORITY', 'OPEN', 'lawyer-1',
                      'v1:k1:not-read-here', :now, :now)""")
                    .param("id", id).param("number", "OLD-R" + n++).param("region", region.getKey()).param("now", now).update();
            expected.put(id, region.getValue());
        }
        flyway(null).migrate();

        for (Map.Entry<UUID, String> row : expected.entrySet()) {
            assertThat(jdbc.sql("select region from complaint where id = :id").param("id", row.getKey()).query(String.class).single())
                    .isEqualTo(row.getValue());
            assertThat(jdbc.sql("select region from board_case where complaint_id = :id").param("id", row.getKey())
                    .query(String.class).single()).isEqualTo(row.getValue());
        }
        assertThat(jdbc.sql("select cases from board_count where region = 'ALMATY' and lawyer = 'lawyer-1' and rung = :r")
                .param("r", BoardRows.EVERY_RUNG).query(Integer.class).single()).as("four spellings, one region").isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from board_count where region like '%лма%'").query(Integer.class).single()).isZero();
        assertThat(new BoardRows(jdbc).drift()).isEmpty();
    }

    private void legacyComplaint(UUID id, String caseNumber, String status, OffsetDateTime now) {
        jdbc.sql("""
                insert into complaint (id, case_number, region, allegation, filed_with, filed_at, language, stage, status, lawyer,
                  victim_full_name, created_at, updated_at)
                values (:id, :number, 'Алматы', 'TORTURE', 'POLICE', :now, 'ru', 'INVESTIGATIVE_JUDGE', :status, 'lawyer-1',
                  'v1:k1:not-read-here', :now, :now)""")
                .param("id", id).param("number", caseNumber).param("status", status).param("now", now).update();
    }

    private UUID legacyDeadline(UUID complaint, UUID track, String owedBy, String status, LocalDate lastDay, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into deadline (id, complaint_id, track_id, role, rule_id, owed_by, trigger_kind, trigger_at, last_day,
                  due_at, status, confidence, created_at)
                values (:id, :c, :t, 'JUDGE_COMPLAINT', 'kz.upk.106.file-complaint', :owedBy, 'TEST', :now, :lastDay, :now,
                  :status, 'V2', :now)""")
                .param("id", id).param("c", complaint).param("t", track).param("owedBy", owedBy).param("now", now)
                .param("lastDay", lastDay).param("status", status).update();
        return id;
    }

    @Test
    void theAuditChainHoldsAndATamperedRowIsFound() {
        flyway(null).migrate();
        AuditLog audit = new AuditLog(jdbc, new DataSourceTransactionManager(dataSource));
        for (int i = 0; i < 3; i++) {
            audit.record("lawyer-1", "CASE_READ", "complaint " + i, null);
        }
        assertThat(new AuditVerifier(jdbc).verify().intact()).isTrue();
        jdbc.sql("update audit_log set target = 'complaint 9' where seq = 2").update();
        assertThat(new AuditVerifier(jdbc).verify().brokenSeq()).isEqualTo(2);
    }

    @Test
    void tokensAndTotpTablesHoldWhatTheSecurityCodeWrites() {
        flyway(null).migrate();
        lawyer();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID token = UUID.randomUUID();
        jdbc.sql("""
                insert into api_token (id, username, name, token_hash, created_at, expires_at)
                values (:id, 'lawyer-1', 'script', :hash, :now, :expires)""")
                .param("id", token).param("hash", "ab".repeat(32)).param("now", now).param("expires", now.plusDays(90)).update();
        assertThat(jdbc.sql("""
                select u.role from api_token t join app_user u on u.username = t.username
                where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now""")
                .param("hash", "ab".repeat(32)).param("now", now).query(String.class).single()).isEqualTo("LAWYER");

        jdbc.sql("insert into user_totp (username, secret_enc, active, created_at, last_step) values ('lawyer-1', 'v1:k1:x', true, :now, 0)")
                .param("now", now).update();
        String accept = "update user_totp set last_step = :step where username = 'lawyer-1' and active = true and last_step < :step";
        assertThat(jdbc.sql(accept).param("step", 59_000_000L).update()).isEqualTo(1);
        assertThat(jdbc.sql(accept).param("step", 59_000_000L).update()).as("the same step again: a replay").isZero();
        assertThat(jdbc.sql(accept).param("step", 59_000_001L).update()).isEqualTo(1);
    }

    /** V12: a recovery code is used once (a conditional update), unique per user, and only for a known user. */
    @Test
    void recoveryCodesAreUsedOnceAndBelongToAKnownUser() {
        flyway(null).migrate();
        lawyer();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into user_totp (username, secret_enc, active, created_at, last_step) values ('lawyer-1', 'v1:k1:x', true, :now, 0)")
                .param("now", now).update();
        String insert = "insert into totp_recovery_code (username, code_hash, created_at) values (:u, :h, :now)";
        for (String hash : new String[] {"aa".repeat(32), "bb".repeat(32)}) {
            jdbc.sql(insert).param("u", "lawyer-1").param("h", hash).param("now", now).update();
        }
        assertThatThrownBy(() -> jdbc.sql(insert).param("u", "lawyer-1").param("h", "aa".repeat(32)).param("now", now).update())
                .as("a code once per user").isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).param("u", "nobody").param("h", "cc".repeat(32)).param("now", now).update())
                .as("only for a user").isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

        assertThat(jdbc.sql("select username from user_totp where username = 'lawyer-1' for update").query(String.class).list())
                .as("the lock that makes one user's changes of factor and codes take turns").containsExactly("lawyer-1");
        String use = "update totp_recovery_code set used_at = :now where username = 'lawyer-1' and code_hash = :h and used_at is null";
        assertThat(jdbc.sql(use).param("now", now).param("h", "aa".repeat(32)).update()).isEqualTo(1);
        assertThat(jdbc.sql(use).param("now", now).param("h", "aa".repeat(32)).update()).as("the same code again").isZero();
        assertThat(jdbc.sql("select count(*) from totp_recovery_code where username = 'lawyer-1' and used_at is null")
                .query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * A column as sealed: nothing but the envelope {@code v1:k1:<base64>}, and its bytes hold none of the plain text.
     * The decoded bytes are searched, not the base64 text: base64 of random bytes spells a short word now and then
     * ("DONE" once failed CI), while a 4-byte match in a short cipher text is a one-in-a-billion chance.
     */
    private static void assertSealed(Object stored, String plainText) {
        assertThat(stored).as("column stored").isNotNull();
        String envelope = stored.toString();
        assertThat(envelope).matches("v1:k1:[A-Za-z0-9+/]+=*");
        String sealedBytes = new String(Base64.getDecoder().decode(envelope.substring("v1:k1:".length())), StandardCharsets.ISO_8859_1);
        assertThat(sealedBytes).as("the bytes of %s", envelope)
                .doesNotContain(new String(plainText.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
}
