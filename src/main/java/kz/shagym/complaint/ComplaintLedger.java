package kz.shagym.complaint;

import kz.shagym.security.CaseScope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.shagym.security.VictimIdentityCipher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case ledger's tables, in plain SQL that runs the same on H2 and PostgreSQL. The victim's identity and medical facts
 * are encrypted here, on the way in and out, so that the rest of the application sees plain values and the database never does.
 */
@Repository
public class ComplaintLedger {

    private final JdbcClient jdbc;
    private final VictimIdentityCipher identity;
    private final RowMapper<ComplaintRecord> complaintMapper;
    /** Told of every write the board shows (status, stage, open rungs, deadlines), to refresh its rows at commit. */
    private final BoardRows board;

    ComplaintLedger(JdbcClient jdbc, VictimIdentityCipher identity, BoardRows board) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.board = board;
        this.complaintMapper = this::mapComplaint;
    }

    // ---- complaints -------------------------------------------------------------------------------------------

    long nextCaseSequence() {
        return jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
    }

    void insertComplaint(ComplaintRecord c) {
        jdbc.sql("""
                insert into complaint (id, case_number, region, allegation, filed_with, filed_at, incident_date, language,
                  stage, status, lawyer, victim_full_name, victim_birth_date_enc, victim_name_index, created_at, updated_at, version)
                values (:id, :caseNumber, :region, :allegation, :filedWith, :filedAt, :incidentDate, :language,
                  :stage, :status, :lawyer, :victimFullName, :victimBirthDate, :victimNameIndex, :createdAt, :updatedAt, 0)""")
                .param("id", c.id()).param("caseNumber", c.caseNumber()).param("region", c.region())
                .param("allegation", c.allegation()).param("filedWith", c.filedWith()).param("filedAt", utc(c.filedAt()))
                .param("incidentDate", c.incidentDate()).param("language", c.language()).param("stage", c.stage().name())
                .param("status", c.status()).param("lawyer", c.lawyer()).param("victimFullName", identity.encrypt(VictimIdentityCipher.FULL_NAME, c.id(), c.victimFullName()))
                .param("victimBirthDate", identity.encryptDate(VictimIdentityCipher.BIRTH_DATE, c.id(), c.victimBirthDate()))
                .param("victimNameIndex", identity.nameIndex(c.victimFullName())).param("createdAt", utc(c.createdAt()))
                .param("updatedAt", utc(c.updatedAt()))
                .update();
        board.changed(c.id());
    }

    /**
     * The medical facts, decrypted only here and only when asked for (never as part of {@link #find}): the board,
     * reminders and the engine's work have no use for them. {@link MedicalFacts#NONE} when none are recorded.
     */
    public MedicalFacts medicalFacts(UUID id) {
        return jdbc.sql("select " + String.join(", ", VictimIdentityCipher.MEDICAL_FIELDS) + " from complaint where id = :id")
                .param("id", id)
                .query((rs, i) -> new MedicalFacts(
                        identity.decrypt(VictimIdentityCipher.MEDICAL_INJURIES, id, rs.getString(VictimIdentityCipher.MEDICAL_INJURIES)),
                        identity.decryptDate(VictimIdentityCipher.MEDICAL_EXAM_DATE, id, rs.getString(VictimIdentityCipher.MEDICAL_EXAM_DATE)),
                        identity.decrypt(VictimIdentityCipher.MEDICAL_EXAM_PLACE, id, rs.getString(VictimIdentityCipher.MEDICAL_EXAM_PLACE)),
                        forensic(identity.decrypt(VictimIdentityCipher.MEDICAL_FORENSIC_EXAM, id, rs.getString(VictimIdentityCipher.MEDICAL_FORENSIC_EXAM))),
                        identity.decrypt(VictimIdentityCipher.MEDICAL_FINDINGS, id, rs.getString(VictimIdentityCipher.MEDICAL_FINDINGS))))
                .optional().orElse(MedicalFacts.NONE);
    }

    /**
     * The case file the letters draw on, decrypted only when asked for. {@link CaseFile#EMPTY} when nothing is recorded.
     * Contract placeholder: storage (encrypted columns, intake, edits, audit) is built by the case-file feature.
     */
    public CaseFile caseFile(UUID id) {
        String stored = jdbc.sql("select " + VictimIdentityCipher.CASE_FILE + " from complaint where id = :id")
                .param("id", id).query((rs, i) -> rs.getString(1)).optional().orElse(null);
        String json = identity.decrypt(VictimIdentityCipher.CASE_FILE, id, stored);
        if (json == null) {
            return CaseFile.EMPTY;
        }
        try {
            return CASE_FILE_JSON.readValue(json, CaseFile.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored case file of " + id + " is not readable", e);
        }
    }

    /** Replaces the case file as a whole, as one envelope of its JSON; an empty case file is stored as none. */
    void updateCaseFile(UUID id, CaseFile caseFile, Instant now) {
        String json;
        try {
            json = caseFile == null || caseFile.isEmpty() ? null : CASE_FILE_JSON.writeValueAsString(caseFile);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("case file of " + id + " cannot be written", e);
        }
        jdbc.sql("update complaint set " + VictimIdentityCipher.CASE_FILE + " = :caseFile, updated_at = :now, version = version + 1 where id = :id")
                .param("caseFile", identity.encrypt(VictimIdentityCipher.CASE_FILE, id, json))
                .param("now", utc(now)).param("id", id).update();
    }

    /** The JSON of a stored case file: ISO dates, enum names, absent parts left out. */
    static final com.fasterxml.jackson.databind.ObjectMapper CASE_FILE_JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .findAndAddModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Replaces all medical facts at once (absent parts become null), each column its own envelope. */
    void updateMedicalFacts(UUID id, MedicalFacts facts, Instant now) {
        jdbc.sql("""
                update complaint set medical_injuries = :injuries, medical_exam_date = :examDate, medical_exam_place = :examPlace,
                  medical_forensic_exam = :forensic, medical_findings = :findings, updated_at = :now, version = version + 1
                where id = :id""")
                .param("injuries", identity.encrypt(VictimIdentityCipher.MEDICAL_INJURIES, id, facts.injuries()))
                .param("examDate", identity.encryptDate(VictimIdentityCipher.MEDICAL_EXAM_DATE, id, facts.examinationDate()))
                .param("examPlace", identity.encrypt(VictimIdentityCipher.MEDICAL_EXAM_PLACE, id, facts.examinationPlace()))
                .param("forensic", identity.encrypt(VictimIdentityCipher.MEDICAL_FORENSIC_EXAM, id,
                        facts.forensicExamination() == null ? null : facts.forensicExamination().name()))
                .param("findings", identity.encrypt(VictimIdentityCipher.MEDICAL_FINDINGS, id, facts.doctorFindings()))
                .param("now", utc(now)).param("id", id)
                .update();
    }

    private static MedicalFacts.ForensicExamination forensic(String stored) {
        return stored == null ? null : MedicalFacts.ForensicExamination.valueOf(stored);
    }

    public Optional<ComplaintRecord> find(UUID id) {
        return jdbc.sql("select * from complaint where id = :id").param("id", id).query(complaintMapper).optional();
    }

    /** Locks the complaint row so that two events on one complaint are applied one after the other. */
    Optional<ComplaintRecord> lock(UUID id) {
        return jdbc.sql("select * from complaint where id = :id for update").param("id", id).query(complaintMapper).optional();
    }

    public List<UUID> openComplaintIds() {
        return jdbc.sql("select id from complaint where status = 'OPEN' order by created_at").query(UUID.class).list();
    }

    /** Open complaints whose process instance was never started (no key stored): what a persistent engine lacks. */
    public List<UUID> openComplaintIdsWithoutInstance() {
        return jdbc.sql("select id from complaint where status = 'OPEN' and process_instance_key is null order by created_at")
                .query(UUID.class).list();
    }

    public int countOpen() {
        return jdbc.sql("select count(*) from complaint where status = 'OPEN'").query(Integer.class).single();
    }

    void updateStage(UUID id, Stage stage, String status, Instant now) {
        jdbc.sql("update complaint set stage = :stage, status = :status, updated_at = :now, version = version + 1 where id = :id")
                .param("stage", stage.name()).param("status", status).param("now", utc(now)).param("id", id).update();
        board.changed(id);
    }

    /** Hands the case to another lawyer; the board follows (its rows and counters are per lawyer). */
    void updateLawyer(UUID id, String lawyer, Instant now) {
        jdbc.sql("update complaint set lawyer = :lawyer, updated_at = :now, version = version + 1 where id = :id")
                .param("lawyer", lawyer).param("now", utc(now)).param("id", id).update();
        board.changed(id);
    }

    void updateUnFacts(UUID id, LocalDate exhaustionDate, String committee) {
        jdbc.sql("update complaint set exhaustion_date = coalesce(:exhaustion, exhaustion_date), committee = coalesce(:committee, committee) where id = :id")
                .param("exhaustion", exhaustionDate).param("committee", committee).param("id", id).update();
    }

    /**
     * Makes {@code run} the complaint's current ladder run, before the engine is asked to start it: the new instance's
     * first job may arrive before its key is stored, and must already be recognised as current.
     */
    public void beginLadderRun(UUID id, UUID run) {
        jdbc.sql("update complaint set ladder_run = :run where id = :id").param("run", run).param("id", id).update();
    }

    /** The complaint's current ladder run, or empty if none was ever started (or it was started before runs existed). */
    public Optional<UUID> currentLadderRun(UUID id) {
        List<UUID> runs = jdbc.sql("select ladder_run from complaint where id = :id").param("id", id)
                .query((rs, row) -> rs.getObject(1, UUID.class)).list();
        return runs.isEmpty() ? Optional.empty() : Optional.ofNullable(runs.get(0));
    }

    public void updateProcessInstanceKey(UUID id, long key) {
        jdbc.sql("update complaint set process_instance_key = :key where id = :id").param("key", key).param("id", id).update();
    }

    public record Summary(UUID id, String caseNumber, String stage, String status, String region, String lawyer, Instant updatedAt) {}

    /** The newest complaints within the reader's scope (the scope's condition filters in the query). */
    List<Summary> summaries(CaseScope scope, int limit) {
        return jdbc.sql("select id, case_number, stage, status, region, lawyer, updated_at from complaint where "
                        + scope.condition("id", "lawyer") + " order by created_at desc limit :limit")
                .params(scope.params()).param("limit", limit)
                .query(SUMMARY).list();
    }

    /** Exact-match search on the victim's name through the blind index (under every key, so rotation loses nothing). */
    List<Summary> summariesByVictimName(String name, CaseScope scope, int limit) {
        return jdbc.sql("select id, case_number, stage, status, region, lawyer, updated_at from complaint "
                        + "where victim_name_index in (:indexes) and " + scope.condition("id", "lawyer")
                        + " order by created_at desc limit :limit")
                .params(scope.params()).param("indexes", identity.nameIndexes(name)).param("limit", limit)
                .query(SUMMARY).list();
    }

    /** The same search for the board: the ids of the cases found, newest first. */
    public List<UUID> idsByVictimName(String name, CaseScope scope, int limit) {
        return summariesByVictimName(name, scope, limit).stream().map(Summary::id).toList();
    }

    private static final org.springframework.jdbc.core.RowMapper<Summary> SUMMARY = (rs, i) -> new Summary(uuid(rs, "id"),
            rs.getString("case_number"), rs.getString("stage"), rs.getString("status"), rs.getString("region"),
            rs.getString("lawyer"), instant(rs, "updated_at"));

    boolean userExists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Integer.class).single() > 0;
    }

    // ---- events -----------------------------------------------------------------------------------------------

    EventRecord appendEvent(UUID complaintId, EventType type, Instant occurredAt, Instant learnedAt, Instant copyReceivedAt,
                            String authority, String outcome, Rung rung, String detail, String source, String recordedBy,
                            Instant now) {
        // The history's sequence is per complaint: whoever appends (a lawyer's event, a timer's reminder) holds the
        // complaint's row lock until commit, so two appends can never take the same number.
        lock(complaintId);
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from complaint_event where complaint_id = :id")
                .param("id", complaintId).query(Integer.class).single();
        EventRecord event = new EventRecord(UUID.randomUUID(), complaintId, seq, type, occurredAt, learnedAt, copyReceivedAt,
                authority, outcome, rung == null ? null : rung.name(), detail, source, recordedBy, now);
        jdbc.sql("""
                insert into complaint_event (id, complaint_id, seq, type, occurred_at, learned_at, copy_received_at, authority,
                  outcome, rung, detail, source, recorded_by, recorded_at)
                values (:id, :complaintId, :seq, :type, :occurredAt, :learnedAt, :copyReceivedAt, :authority, :outcome,
                  :rung, :detail, :source, :recordedBy, :recordedAt)""")
                .param("id", event.id()).param("complaintId", complaintId).param("seq", seq).param("type", type.name())
                .param("occurredAt", utc(occurredAt)).param("learnedAt", utc(learnedAt))
                .param("copyReceivedAt", utc(copyReceivedAt)).param("authority", authority).param("outcome", outcome)
                .param("rung", event.rung()).param("detail", detail).param("source", source)
                .param("recordedBy", recordedBy).param("recordedAt", utc(now))
                .update();
        if (type == EventType.AUTHORITY_SILENT) {
            board.changed(complaintId); // the board flags an open rung's silence
        }
        return event;
    }

    public List<EventRecord> events(UUID complaintId) {
        return jdbc.sql("select * from complaint_event where complaint_id = :id order by seq")
                .param("id", complaintId).query(EVENT).list();
    }

    Optional<EventRecord> event(UUID complaintId, UUID eventId) {
        return jdbc.sql("select * from complaint_event where complaint_id = :c and id = :id")
                .param("c", complaintId).param("id", eventId).query(EVENT).optional();
    }

    void correctEventDates(UUID eventId, Instant occurredAt, Instant learnedAt, Instant copyReceivedAt) {
        jdbc.sql("update complaint_event set occurred_at = :o, learned_at = :l, copy_received_at = :c where id = :id")
                .param("o", utc(occurredAt)).param("l", utc(learnedAt)).param("c", utc(copyReceivedAt)).param("id", eventId)
                .update();
    }

    boolean hasEngineEvent(UUID complaintId, EventType type, String rung, String detail) {
        return jdbc.sql("""
                select count(*) from complaint_event where complaint_id = :c and type = :t and rung = :r
                  and coalesce(detail, '') = :d""")
                .param("c", complaintId).param("t", type.name()).param("r", rung).param("d", detail == null ? "" : detail)
                .query(Integer.class).single() > 0;
    }

    // ---- tracks -----------------------------------------------------------------------------------------------

    Track openTrack(UUID complaintId, Rung rung, Step step, Instant now) {
        Track track = new Track(UUID.randomUUID(), complaintId, rung, step, now);
        jdbc.sql("insert into rung_track (id, complaint_id, rung, step, opened_at) values (:id, :c, :rung, :step, :now)")
                .param("id", track.id()).param("c", complaintId).param("rung", rung.name()).param("step", step.name())
                .param("now", utc(now)).update();
        board.changed(complaintId);
        return track;
    }

    public List<Track> openTracks(UUID complaintId) {
        return jdbc.sql("select * from rung_track where complaint_id = :c and closed_at is null order by opened_at")
                .param("c", complaintId).query(TRACK).list();
    }

    void updateStep(UUID trackId, Step step) {
        jdbc.sql("update rung_track set step = :step where id = :id").param("step", step.name()).param("id", trackId).update();
        // a filing awaited no more ends a missed term's place on the board
        board.changed(jdbc.sql("select complaint_id from rung_track where id = :id").param("id", trackId).query(UUID.class).single());
    }

    void closeTrack(UUID trackId, String outcome, Instant now) {
        jdbc.sql("update rung_track set closed_at = :now, outcome = :outcome where id = :id")
                .param("now", utc(now)).param("outcome", outcome).param("id", trackId).update();
        board.changed(jdbc.sql("select complaint_id from rung_track where id = :id").param("id", trackId).query(UUID.class).single());
    }

    // ---- deadlines --------------------------------------------------------------------------------------------

    void insertDeadline(DeadlineRecord d) {
        jdbc.sql("""
                insert into deadline (id, complaint_id, track_id, role, rule_id, owed_by, trigger_kind, trigger_event_id,
                  trigger_field, trigger_at, last_day, due_at, reminder_at, status, confidence, legal_basis, explanation, created_at)
                values (:id, :complaintId, :trackId, :role, :ruleId, :owedBy, :triggerKind, :triggerEventId, :triggerField,
                  :triggerAt, :lastDay, :dueAt, :reminderAt, :status, :confidence, :legalBasis, :explanation, :createdAt)""")
                .param("id", d.id()).param("complaintId", d.complaintId()).param("trackId", d.trackId())
                .param("role", d.role().name()).param("ruleId", d.ruleId()).param("owedBy", d.owedBy())
                .param("triggerKind", d.triggerKind()).param("triggerEventId", d.triggerEventId())
                .param("triggerField", d.triggerField()).param("triggerAt", utc(d.triggerAt()))
                .param("lastDay", d.lastDay()).param("dueAt", utc(d.dueAt())).param("reminderAt", utc(d.reminderAt()))
                .param("status", d.status()).param("confidence", d.confidence()).param("legalBasis", d.legalBasis())
                .param("explanation", d.explanation()).param("createdAt", utc(d.createdAt()))
                .update();
        board.changed(d.complaintId());
    }

    public List<DeadlineRecord> deadlines(UUID complaintId) {
        return jdbc.sql("select * from deadline where complaint_id = :c order by created_at, due_at")
                .param("c", complaintId).query(DEADLINE).list();
    }

    List<DeadlineRecord> openDeadlinesOfTrack(UUID trackId) {
        return jdbc.sql("select * from deadline where track_id = :t and status = 'OPEN' and superseded_by is null")
                .param("t", trackId).query(DEADLINE).list();
    }

    Optional<DeadlineRecord> currentDeadline(UUID trackId, DeadlineRole role) {
        return jdbc.sql("""
                select * from deadline where track_id = :t and role = :role and superseded_by is null
                order by created_at desc""")
                .param("t", trackId).param("role", role.name()).query(DEADLINE).optional();
    }

    List<DeadlineRecord> openDeadlinesTriggeredBy(UUID eventId) {
        return jdbc.sql("select * from deadline where trigger_event_id = :e and status = 'OPEN' and superseded_by is null")
                .param("e", eventId).query(DEADLINE).list();
    }

    void closeDeadline(UUID id, String status, Instant now) {
        jdbc.sql("update deadline set status = :status, closed_at = :now where id = :id")
                .param("status", status).param("now", utc(now)).param("id", id).update();
        board.changed(complaintOfDeadline(id));
    }

    void supersede(UUID oldId, UUID newId) {
        jdbc.sql("update deadline set superseded_by = :n where id = :o").param("n", newId).param("o", oldId).update();
        board.changed(complaintOfDeadline(oldId));
    }

    private UUID complaintOfDeadline(UUID deadlineId) {
        return jdbc.sql("select complaint_id from deadline where id = :id").param("id", deadlineId).query(UUID.class).single();
    }

    /** True only for the first caller: reminders fire once per deadline even if the timer fires again after a resume. */
    boolean markReminded(UUID id, Instant now) {
        return jdbc.sql("update deadline set reminded_at = :now where id = :id and reminded_at is null")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    /** True only for the first caller: an escalation fires once, even if the engine was replaced in between. */
    boolean markEscalated(UUID id, Instant now) {
        return jdbc.sql("update deadline set escalated_at = :now where id = :id and escalated_at is null")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    // ---- letters, as far as filing them moves the ladder ------------------------------------------------------

    Optional<Ladder.LetterRow> letterRow(UUID letterId) {
        return jdbc.sql("select id, complaint_id, kind, status from letter where id = :id").param("id", letterId)
                .query((rs, i) -> new Ladder.LetterRow(uuid(rs, "id"), uuid(rs, "complaint_id"), rs.getString("kind"),
                        rs.getString("status"))).optional();
    }

    void markLetterFiled(UUID letterId, Instant filedAt, String channel, Instant now) {
        jdbc.sql("update letter set status = 'FILED', filed_at = :filedAt, channel = :channel, frozen_at = :now where id = :id")
                .param("filedAt", utc(filedAt)).param("channel", channel == null ? "UNSPECIFIED" : channel)
                .param("now", utc(now)).param("id", letterId).update();
    }

    void withdrawLetters(UUID complaintId, String kind) {
        jdbc.sql("update letter set status = 'WITHDRAWN' where complaint_id = :c and kind = :k and status <> 'FILED'")
                .param("c", complaintId).param("k", kind).update();
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private ComplaintRecord mapComplaint(ResultSet rs, int row) throws SQLException {
        UUID id = uuid(rs, "id");
        return new ComplaintRecord(
                id, rs.getString("case_number"), rs.getString("region"), rs.getString("allegation"),
                rs.getString("filed_with"), instant(rs, "filed_at"), date(rs, "incident_date"), rs.getString("language"),
                Stage.valueOf(rs.getString("stage")), rs.getString("status"), rs.getString("lawyer"),
                identity.decrypt(VictimIdentityCipher.FULL_NAME, id, rs.getString("victim_full_name")),
                identity.decryptDate(VictimIdentityCipher.BIRTH_DATE, id, rs.getString("victim_birth_date_enc")),
                date(rs, "exhaustion_date"), rs.getString("committee"), (Long) rs.getObject("process_instance_key", Long.class),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static final RowMapper<EventRecord> EVENT = (rs, i) -> new EventRecord(
            uuid(rs, "id"), uuid(rs, "complaint_id"), rs.getInt("seq"), EventType.valueOf(rs.getString("type")),
            instant(rs, "occurred_at"), instant(rs, "learned_at"), instant(rs, "copy_received_at"),
            rs.getString("authority"), rs.getString("outcome"), rs.getString("rung"), rs.getString("detail"),
            rs.getString("source"), rs.getString("recorded_by"), instant(rs, "recorded_at"));

    private static final RowMapper<Track> TRACK = (rs, i) -> new Track(
            uuid(rs, "id"), uuid(rs, "complaint_id"), Rung.valueOf(rs.getString("rung")), Step.valueOf(rs.getString("step")),
            instant(rs, "opened_at"));

    private static final RowMapper<DeadlineRecord> DEADLINE = (rs, i) -> new DeadlineRecord(
            uuid(rs, "id"), uuid(rs, "complaint_id"), uuid(rs, "track_id"), DeadlineRole.valueOf(rs.getString("role")),
            rs.getString("rule_id"), rs.getString("owed_by"), rs.getString("trigger_kind"), uuid(rs, "trigger_event_id"),
            rs.getString("trigger_field"), instant(rs, "trigger_at"), date(rs, "last_day"), instant(rs, "due_at"),
            instant(rs, "reminder_at"), rs.getString("status"), rs.getString("confidence"), rs.getString("legal_basis"),
            rs.getString("explanation"), instant(rs, "reminded_at"), instant(rs, "escalated_at"), instant(rs, "closed_at"),
            uuid(rs, "superseded_by"), instant(rs, "created_at"));
}
