package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand complaints (250 in the suite, see {@link #COMPLAINTS}) at every rung; the clock jumps three
 * days so that authorities fall silent, applicants' terms lapse and reminders fall due; the application is killed
 * with SIGKILL while it drafts those letters and sends those mails, and started again on the same database with a
 * fresh engine. Then:
 * <ul>
 *   <li>every open complaint is back at its rungs: the engine waits where the ledger says, and nothing the ledger had
 *       committed at the kill is gone;</li>
 *   <li>no deadline is lost: every future deadline has its timer in the new engine, every past one fired — also those
 *       that fall due in the five days after the restart — and each fired once;</li>
 *   <li>no letter is lost or drafted twice, and none is torn (row without file or first version);</li>
 *   <li>no mail is lost: every due mail is sent; none twice, except a mail whose sending the kill interrupted: that one
 *       may arrive a second time, with the same Message-ID (SMTP cannot be part of the ledger's transaction; the outbox
 *       gives at-least-once with a stable Message-ID for the mail client to fold the copies).</li>
 * </ul>
 */
class CrashRestartAtScaleTest {

    /**
     * Complaints loaded. The suite uses 250 to stay near 2-3 minutes on 2 cores; the figure is 1,000:
     * {@code bench/crash-restart} (or {@code -Dshagym.crash.complaints=1000}), see bench/RESULTS.md.
     */
    static final int COMPLAINTS = Integer.getInteger("shagym.crash.complaints", 250);
    /** Client threads loading complaints: registration is latency-bound, so threads give throughput. */
    static final int THREADS = Integer.getInteger("shagym.crash.threads", 12);
    /**
     * The application's heap. With 1 GB, 1,000 complaints filled it during loading (the engine keeps its records in
     * memory): the engine was replaced mid-load, as designed, and every check then waited for the resume of all 1,000.
     */
    static final String HEAP = System.getProperty("shagym.crash.heap", COMPLAINTS > 250 ? "2g" : "1g");
    /** How long the engine may take to match the ledger again: resuming scales with the complaints. */
    static final Duration SETTLE = Duration.ofMinutes(Math.max(3, COMPLAINTS / 150));
    /** Kills tried before one lands while mail is sent and letters are drafted. */
    static final int KILL_ATTEMPTS = 3;

    @TempDir
    Path dataDir;

    @Test
    void killedWhileDraftingLettersAndSendingMailItComesBackWithNothingLostOrDoubled() throws Exception {
        long testStarted = System.nanoTime();
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (AppProcess app = new AppProcess(dataDir).named("crash-restart-at-scale").maxHeap(HEAP)
                .with("spring.mail.host", "127.0.0.1").with("spring.mail.port", smtpPort)
                .with("shagym.notify.send-interval", "PT1S")
                .with("shagym.notify.reconcile-interval", "PT20S")
                .with("shagym.letters.sweep-interval", "PT5S")
                .with("shagym.letters.sweep-initial-delay", "PT5S")) {
            Duration firstStart = app.start("PT0S");

            // ---- load: complaints at every rung, assigned to lawyers with mail addresses; coordinators get overdue mail
            List<String> lawyers = ComplaintMix.users(app, "LAWYER", 8, "crash");
            ComplaintMix.users(app, "COORDINATOR", 2, "crash");
            long loadStarted = System.nanoTime();
            ComplaintMix mix = new ComplaintMix(app, lawyers);
            List<ComplaintMix.Loaded> loaded = mix.load(0, COMPLAINTS, THREADS);
            Duration load = since(loadStarted);
            System.out.println("crash-restart at scale, loading: " + mix.timings());
            EngineChecks.awaitConsistent(app, SETTLE);
            EngineChecks.awaitOutboxDrained(app, SETTLE);

            // ---- three days pass: timers fire, letters are drafted, mail falls due; kill -9 in the middle of it.
            // The kill must land while both streams run. How long each runs depends on the machine (on a fast one the
            // drafting can be over before the mail threshold is met): when a kill missed one of them, the application is
            // started again on the same data — itself a restart after SIGKILL — and the clock moves on three more days,
            // which lets the next deadlines fall due. At most KILL_ATTEMPTS tries.
            int mailThreshold = Math.max(5, COMPLAINTS / 30);
            int letterThreshold = Math.max(3, COMPLAINTS / 50);
            Set<String> interruptedSends = new HashSet<>();
            KillSnapshot atKill = null;
            String offset = null;
            int mailAtKill = 0;
            for (int attempt = 1; ; attempt++) {
                int mailBefore = smtp.getReceivedMessages().length;
                long lettersBefore = letterFiles();
                app.advanceClock("P3D");
                offset = app.clockOffset();
                long waitUntil = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (smtp.getReceivedMessages().length - mailBefore < mailThreshold
                        || letterFiles() - lettersBefore < letterThreshold) {
                    assertThat(System.nanoTime()).as("letters and mail started within 2 minutes of the clock jump").isLessThan(waitUntil);
                    Thread.sleep(50);
                }
                Instant killedAt = app.now();
                app.kill();
                mailAtKill = smtp.getReceivedMessages().length;
                atKill = KillSnapshot.read(dataDir, killedAt);
                interruptedSends.addAll(atKill.sendingIds());
                if (atKill.mailInFlight() > 0 && atKill.lettersInFlight() > 0) {
                    break;
                }
                System.out.printf("crash-restart at scale: kill %d came after one stream had finished (%d mails, %d letters "
                        + "in flight): starting again and moving on three more days%n", attempt, atKill.mailInFlight(),
                        atKill.lettersInFlight());
                assertThat(attempt).as("a kill while mail was being sent and letters drafted, in %d tries", KILL_ATTEMPTS)
                        .isLessThan(KILL_ATTEMPTS);
                app.start(offset);
                EngineChecks.awaitConsistent(app, SETTLE);
            }

            // ---- what was committed at the kill, and what was in flight
            assertThat(atKill.mailInFlight()).as("the kill interrupted sending: mail due but not yet sent").isPositive();
            assertThat(atKill.lettersInFlight()).as("the kill interrupted drafting: letters called for but not yet drafted").isPositive();

            // ---- restart at the same application time, on the same database, with a fresh engine
            Duration restart = app.start(offset);
            JsonNode health = app.get("/api/admin/engine");
            assertThat(health.get("lastResume").get("complaints").asInt()).as("every open complaint resumed")
                    .isEqualTo(atKill.openComplaints());
            assertThat(health.get("lastResume").get("failed").asInt()).isZero();
            JsonNode afterRestart = EngineChecks.awaitConsistent(app, SETTLE);
            assertThat(afterRestart.get("openComplaints").asInt()).isPositive();
            assertThat(afterRestart.get("timersChecked").asInt()).as("deadline timers compared").isGreaterThan(COMPLAINTS / 2);

            // A mail claimed by the killed sender is claimed again once its claim times out (10 minutes).
            app.advanceClock("PT11M");
            EngineChecks.awaitOutboxDrained(app, SETTLE);

            // The resumed timers keep firing: five more days.
            app.advanceClock("P5D");
            JsonNode afterFiveDays = EngineChecks.awaitConsistent(app, SETTLE);
            Instant drainedAt = EngineChecks.awaitOutboxDrained(app, SETTLE);
            Thread.sleep(6000); // one more letter sweep: any request left is a lost letter, not a slow one
            app.kill();

            // ---- the ledger and the mailbox, after all of it
            Map<String, Integer> copiesByMessageId = new HashMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                copiesByMessageId.merge(message.getMessageID(), 1, Integer::sum);
            }
            try (LedgerFile ledger = LedgerFile.open(dataDir)) {
                assertThat(atKill.lostFrom(ledger)).as("rows committed before the kill and gone after it").isEmpty();
                assertThat(atKill.tracksClosedWithoutTheEngine(ledger))
                        .as("rungs open at the kill and closed since, without a timer of the engine closing them").isEmpty();

                assertThat(LedgerInvariants.missingLetters(ledger)).as("letters called for and never drafted").isEmpty();
                assertThat(LedgerInvariants.duplicatedLetters(ledger)).as("letters drafted twice").isEmpty();
                assertThat(LedgerInvariants.tornLetters(ledger, dataDir)).as("letters without file or first version").isEmpty();
                assertThat(LedgerInvariants.duplicatedEngineEvents(ledger)).as("timer effects recorded twice").isEmpty();

                assertThat(LedgerInvariants.unsentDueMail(ledger, drainedAt)).as("due mail never sent").isEmpty();
                List<Map<String, Object>> sent = ledger.rows("select id from reminder where status = 'SENT'");
                Set<String> rowMessageIds = new HashSet<>();
                for (Map<String, Object> row : sent) {
                    String messageId = "<reminder-" + row.get("id") + "@shagym>";
                    rowMessageIds.add(messageId);
                    assertThat(copiesByMessageId).as("the mail of SENT reminder %s reached the server", row.get("id"))
                            .containsKey(messageId);
                }
                int duplicates = 0;
                for (Map.Entry<String, Integer> received : copiesByMessageId.entrySet()) {
                    String rowId = received.getKey().replace("<reminder-", "").replace("@shagym>", "");
                    boolean interrupted = interruptedSends.contains(rowId);
                    assertThat(rowMessageIds.contains(received.getKey()) || interrupted)
                            .as("mail %s belongs to a sent reminder (or one whose sending the kill interrupted)", received.getKey())
                            .isTrue();
                    if (received.getValue() > 1) {
                        duplicates++;
                        assertThat(interrupted).as("mail %s arrived %d times but its sending was not interrupted",
                                received.getKey(), received.getValue()).isTrue();
                        assertThat(received.getValue()).as("at most one extra copy of %s", received.getKey()).isEqualTo(2);
                    }
                }
                long letters = ledger.count("select count(*) from letter");
                System.out.printf("crash-restart at scale: %d complaints (%s) loaded in %.1f s on %d threads (%.1f/s); "
                                + "first start %d ms; restart after SIGKILL %d ms, %d open complaints resumed; "
                                + "at the kill: %d mails sent of %d due (%d being sent), %d letters in flight; "
                                + "after: %d mails received (%d before the kill), %d copies of interrupted sends, %d letters, "
                                + "%d deadline timers checked (%d fired) after restart, %d five days on; test %.0f s%n",
                        COMPLAINTS, shapes(loaded), load.toMillis() / 1e3, THREADS, COMPLAINTS / (load.toMillis() / 1e3),
                        firstStart.toMillis(), restart.toMillis(), atKill.openComplaints(),
                        atKill.sentRows(), atKill.sentRows() + atKill.mailInFlight(), interruptedSends.size(),
                        atKill.lettersInFlight(), copiesByMessageId.values().stream().mapToInt(Integer::intValue).sum(),
                        mailAtKill, duplicates, letters, afterRestart.get("timersChecked").asInt(),
                        afterRestart.get("timersFired").asInt(), afterFiveDays.get("timersChecked").asInt(),
                        since(testStarted).toMillis() / 1e3);
            }
        } finally {
            smtp.stop();
        }
    }

    private long letterFiles() throws IOException {
        Path letters = dataDir.resolve("letters");
        if (!Files.isDirectory(letters)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(letters)) {
            return files.filter(f -> f.toString().endsWith("-v1.docx")).count();
        } catch (UncheckedIOException raced) {
            return 0; // a file moved while we walked: count again next time
        }
    }

    private static String shapes(List<ComplaintMix.Loaded> loaded) {
        Map<ComplaintMix.Shape, Integer> counts = new java.util.EnumMap<>(ComplaintMix.Shape.class);
        loaded.forEach(l -> counts.merge(l.shape(), 1, Integer::sum));
        return counts.toString();
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
