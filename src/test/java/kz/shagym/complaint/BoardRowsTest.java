package kz.shagym.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.Role;
import kz.shagym.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board's maintained rows stay equal to what the ledger says, through the real ladder: events, corrections,
 * deadlines that lapse or are met, closing; a rolled-back change leaves no trace, and concurrent writers of one
 * lawyer's cases keep the shared counters exact.
 */
class BoardRowsTest extends ShagymIntegrationTest {

    @Autowired
    private BoardRows board;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private UserAccounts users;

    @Test
    void theBoardRowFollowsEventsCorrectionsLapsedTermsAndClosing() {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(12)));
        assertRowMatchesTheCase(id, Set.of("FILED_WITH_AUTHORITY"));

        JsonNode forwarded = ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(11).plusHours(1)), ladder.ago(Duration.ofDays(11))));
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeFiling");
        assertRowMatchesTheCase(id, Set.of("INVESTIGATIVE_JUDGE", "PROSECUTOR_COMPLAINT"));
        LocalDate courtTerm = LocalDate.parse(ladder.deadline(id, "kz.upk.106.file-complaint").get("lastDay").asText());
        assertThat(row(id).orElseThrow().nextLastDay()).isEqualTo(courtTerm);

        // A later date of learning supersedes the court term: the row moves to the new last day.
        String eventId = StreamSupport.stream(forwarded.get("dateFacts").spliterator(), false)
                .filter(f -> "FORWARDED_TO_INTERNAL_SECURITY".equals(f.get("type").asText()))
                .findFirst().orElseThrow().get("eventId").asText();
        var corrected = ladder.rest().postForEntity("/api/complaints/" + id + "/events/" + eventId + "/correction",
                json("{\"learnedAt\": \"%s\", \"reason\": \"handed over later\"}".formatted(ladder.ago(Duration.ofDays(2)))),
                String.class);
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        LocalDate movedTerm = LocalDate.parse(ladder.deadline(id, "kz.upk.106.file-complaint").get("lastDay").asText());
        assertThat(movedTerm).isAfter(courtTerm);
        assertRowMatchesTheCase(id, Set.of("INVESTIGATIVE_JUDGE", "PROSECUTOR_COMPLAINT"));
        assertThat(row(id).orElseThrow().nextLastDay()).isEqualTo(movedTerm);

        // The applicant lets the term pass: the engine marks it MISSED, and while the filing is awaited the row keeps
        // its last day (the case stays at the top of the board) and flags it.
        ladder.advanceClock("P20D");
        ladder.awaitHistory(id, "DEADLINE_MISSED", 1);
        assertThat(ladder.deadline(id, "kz.upk.106.file-complaint").get("status").asText()).isEqualTo("MISSED");
        assertRowMatchesTheCase(id, Set.of("INVESTIGATIVE_JUDGE", "PROSECUTOR_COMPLAINT"));
        assertThat(row(id).orElseThrow().authorityMissed()).as("the applicant's term, not an authority's").isFalse();
        assertThat(row(id).orElseThrow().applicantMissed()).isTrue();
        assertThat(row(id).orElseThrow().nextLastDay()).isEqualTo(movedTerm);

        ladder.event(id, "{\"type\": \"CLOSED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofMinutes(1))));
        assertThat(row(id)).as("a closed case leaves the board").isEmpty();
        assertBoardEqualsTheLedger();
    }

    @Test
    void anAuthoritysLapsedTermIsFlaggedOnTheRow() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(1)));
        ladder.advanceClock("P5D");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeFiling", "Task_AwaitProsecutorComplaintFiling");

        assertRowMatchesTheCase(id, Set.of("INVESTIGATIVE_JUDGE", "PROSECUTOR_COMPLAINT"));
        assertThat(row(id).orElseThrow().authorityMissed()).isTrue();
        assertThat(row(id).orElseThrow().authoritySilent()).as("what the board's filter by silence reads").isTrue();
        assertThat(row(id).orElseThrow().applicantMissed()).isFalse();
        assertBoardEqualsTheLedger();
    }

    @Test
    void aRolledBackChangeLeavesNoRowAndNoCount() {
        String lawyer = lawyer();
        String region = "Откат-" + UUID.randomUUID();
        BenchLedger ledgerWrites = new BenchLedger(ledger);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            ledgerWrites.write(aCase("RB-" + UUID.randomUUID().toString().substring(0, 13), region, lawyer), Instant.now());
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from board_case where region = :r").param("r", region).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(cases), 0) from board_count where region = :r").param("r", region)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void concurrentWritersOfOneLawyersCasesKeepTheCountersExact() throws Exception {
        String lawyer = lawyer();
        String region = "Гонка-" + UUID.randomUUID();
        BenchLedger ledgerWrites = new BenchLedger(ledger);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<UUID> written = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        tx.executeWithoutResult(s -> written.add(ledgerWrites.write(
                                aCase("RACE-" + UUID.randomUUID().toString().substring(0, 13), region, lawyer), Instant.now()).complaintId()));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(); // a deadlock or a lost counter creation fails here
            }
            assertThat(count(region, lawyer, BoardRows.EVERY_RUNG)).isEqualTo(40);
            assertThat(count(region, lawyer, "INVESTIGATIVE_JUDGE")).isEqualTo(40);
            assertThat(count(region, lawyer, "PROSECUTOR_COMPLAINT")).isEqualTo(40);
            assertBoardEqualsTheLedger();
        } finally {
            threads.shutdown();
            tx.executeWithoutResult(s -> written.forEach(id -> ledgerWrites.close(id, Instant.now())));
        }
        assertThat(count(region, lawyer, BoardRows.EVERY_RUNG)).as("closed cases leave the counters").isZero();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private BenchLedger.Case aCase(String caseNumber, String region, String lawyer) {
        LocalDate today = LocalDate.now();
        return new BenchLedger.Case(caseNumber, region, lawyer, Rung.INVESTIGATIVE_JUDGE, Step.AWAITING_FILING, true,
                List.of(new BenchLedger.Term(today.plusDays(3), "APPLICANT", "OPEN"),
                        new BenchLedger.Term(today.minusDays(1), "AUTHORITY", "MISSED")), false);
    }

    private String lawyer() {
        String name = "board-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "lawyer-password-1", Role.LAWYER, "Юрист " + name, null, "ru");
        return name;
    }

    private int count(String region, String lawyer, String rung) {
        return jdbc.sql("select coalesce(sum(cases), 0) from board_count where region = :r and lawyer = :l and rung = :g")
                .param("r", region).param("l", lawyer).param("g", rung).query(Integer.class).single();
    }

    /**
     * The case's row holds what the case API says: stage, open rungs, and the earliest last day of the open deadlines
     * and of the applicant's missed ones (in these scenarios the filing of a missed term is still awaited).
     */
    private void assertRowMatchesTheCase(UUID id, Set<String> rungs) {
        JsonNode view = ladder.view(id);
        BoardRows.Row row = row(id).orElseThrow(() -> new AssertionError("no board row for open case " + id));
        assertThat(row.stage()).isEqualTo(view.get("stage").asText());
        assertThat(row.rungs()).isEqualTo(new TreeSet<>(rungs));
        LocalDate earliestOpen = StreamSupport.stream(view.get("deadlines").spliterator(), false)
                .filter(d -> "OPEN".equals(d.get("status").asText())
                        || "MISSED".equals(d.get("status").asText()) && "APPLICANT".equals(d.get("owedBy").asText()))
                .map(d -> LocalDate.parse(d.get("lastDay").asText()))
                .min(LocalDate::compareTo).orElse(null);
        assertThat(row.nextLastDay()).isEqualTo(earliestOpen);
        assertBoardEqualsTheLedger();
    }

    private Optional<BoardRows.Row> row(UUID id) {
        Set<String> rungs = new TreeSet<>(jdbc.sql("select rung from board_case_rung where complaint_id = :id").param("id", id)
                .query(String.class).list());
        return jdbc.sql("select * from board_case where complaint_id = :id").param("id", id)
                .query((rs, i) -> new BoardRows.Row(id, rs.getString("case_number"), rs.getString("case_seq"), rs.getString("region"),
                        rs.getString("lawyer"), rs.getString("stage"), rs.getObject("next_last_day", LocalDate.class),
                        rs.getBoolean("authority_missed"), rs.getBoolean("applicant_missed"), rs.getBoolean("authority_silent"),
                        new TreeSet<>(rungs)))
                .optional();
    }

    /** Every row and counter against the ledger, read in one snapshot (the engine's workers may be writing). */
    private void assertBoardEqualsTheLedger() {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        List<String> drift = snapshot.execute(s -> board.drift());
        assertThat(drift).isEmpty();
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
