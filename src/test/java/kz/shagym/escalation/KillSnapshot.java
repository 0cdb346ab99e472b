package kz.shagym.escalation;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ledger as the kill left it: what was committed, and what was in flight (mail being sent, letters not yet drafted). */
record KillSnapshot(Instant killedAt, int openComplaints, Map<String, Set<String>> idsByTable, Map<String, String> openTracks,
                    Set<String> sendingIds, int mailInFlight, int sentRows, int lettersInFlight) {

    private static final List<String> TABLES = List.of("complaint", "complaint_event", "rung_track", "deadline", "letter",
            "reminder", "letter_request");

    static KillSnapshot read(Path dataDir, Instant killedAt) throws SQLException {
        try (LedgerFile ledger = LedgerFile.open(dataDir)) {
            Map<String, Set<String>> ids = new LinkedHashMap<>();
            for (String table : TABLES) {
                String key = table.equals("letter_request") ? "idempotency_key" : "id";
                ids.put(table, new HashSet<>(ledger.strings("select " + key + " from " + table)));
            }
            Map<String, String> openTracks = new LinkedHashMap<>();
            for (Map<String, Object> t : ledger.rows("select id, complaint_id from rung_track where closed_at is null")) {
                openTracks.put(String.valueOf(t.get("id")), String.valueOf(t.get("complaint_id")));
            }
            Set<String> sending = new HashSet<>(ledger.strings("select id from reminder where status = 'SENDING'"));
            return new KillSnapshot(killedAt, (int) ledger.count("select count(*) from complaint where status = 'OPEN'"),
                    ids, openTracks, sending, LedgerInvariants.unsentDueMail(ledger, killedAt).size(),
                    (int) ledger.count("select count(*) from reminder where status = 'SENT'"),
                    LedgerInvariants.missingLetters(ledger).size());
        }
    }

    /** Rows committed before the kill that the ledger no longer has ("table id"). */
    List<String> lostFrom(LedgerFile ledger) throws SQLException {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Set<String>> table : idsByTable.entrySet()) {
            String key = table.getKey().equals("letter_request") ? "idempotency_key" : "id";
            Set<String> now = new HashSet<>(ledger.strings("select " + key + " from " + table.getKey()));
            table.getValue().stream().filter(id -> !now.contains(id)).forEach(id -> lost.add(table.getKey() + " " + id));
        }
        return lost;
    }

    /**
     * Rungs open at the kill that are closed now although no timer of the engine moved their complaint since: after a
     * restart a complaint may only move on because a deadline fired (nobody recorded anything after the kill).
     */
    List<String> tracksClosedWithoutTheEngine(LedgerFile ledger) throws SQLException {
        Set<String> movedByEngine = new HashSet<>(ledger.strings("""
                select distinct complaint_id from complaint_event
                where source = 'ENGINE' and recorded_at >= TIMESTAMP WITH TIME ZONE '%s'""".formatted(killedAt.atOffset(ZoneOffset.UTC))));
        Set<String> stillOpen = new HashSet<>(ledger.strings("select id from rung_track where closed_at is null"));
        List<String> closed = new ArrayList<>();
        openTracks.forEach((track, complaint) -> {
            if (!stillOpen.contains(track) && !movedByEngine.contains(complaint)) {
                closed.add("track " + track + " of complaint " + complaint);
            }
        });
        return closed;
    }
}
