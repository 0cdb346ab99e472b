package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.shagym.LadderHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the application with SIGKILL mid-ladder and starts it again on the same database with a fresh engine:
 * every open complaint is back at its stage with the same deadlines, and a deadline that passed while the
 * application was down fires once, not twice, even across a second crash.
 */
class CrashRestartTest {

    @TempDir
    Path dataDir;

    private AppProcess app;

    private String register(Duration filedAgo) throws Exception {
        return app.post("/api/complaints", LadderHarness.complaintJson("POLICE", app.ago(filedAgo)), 201).get("id").asText();
    }

    private void event(String id, String json) throws Exception {
        app.post("/api/complaints/" + id + "/events", json, 202);
    }

    private String letterId(String id, String kind) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode l : app.get("/api/complaints/" + id).get("letters")) {
                if (kind.equals(l.get("kind").asText())) {
                    return l.get("id").asText();
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    private long count(String id, String type) throws Exception {
        long n = 0;
        for (JsonNode h : app.get("/api/complaints/" + id).get("history")) {
            if (type.equals(h.get("type").asText())) {
                n++;
            }
        }
        return n;
    }

    private Map<String, String> deadlines(String id) throws Exception {
        Map<String, String> byRule = new LinkedHashMap<>();
        for (JsonNode d : app.get("/api/complaints/" + id).get("deadlines")) {
            byRule.put(d.get("rule").asText(), d.get("lastDay").asText() + " " + d.get("dueAt").asText());
        }
        return byRule;
    }

    @Test
    void openComplaintsComeBackAtTheirStageAndAMissedDeadlineFiresOnce() throws Exception {
        try (AppProcess started = new AppProcess(dataDir)) {
            app = started;
            Duration firstStart = app.start("PT0S");

            // Waits on the authority: its 3 сутки lapse while the application is down.
            String silentAuthority = register(Duration.ofHours(2));
            // The applicant's 15 сутки to go to court end tomorrow: they pass while the application is down.
            String courtTerm = register(Duration.ofDays(16));
            event(courtTerm, """
                    {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                    .formatted(app.ago(Duration.ofDays(15)), app.ago(Duration.ofDays(14)), app.ago(Duration.ofDays(14))));
            // Investigation: no running clock, nothing may change.
            String investigation = register(Duration.ofDays(3));
            event(investigation, "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(app.ago(Duration.ofDays(2))));
            // At the appeal, the court's decision awaited: an unverified 10 сутки that do not lapse in 5 days.
            String appeal = register(Duration.ofDays(10));
            event(appeal, """
                    {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s", "copyReceivedAt": "%s"}"""
                    .formatted(app.ago(Duration.ofDays(9)), app.ago(Duration.ofDays(9)), app.ago(Duration.ofDays(9))));
            event(appeal, "{\"type\": \"FILED\", \"letterId\": \"%s\", \"filedAt\": \"%s\"}"
                    .formatted(letterId(appeal, "COMPLAINT_INVESTIGATIVE_JUDGE"), app.ago(Duration.ofDays(8))));
            event(appeal, """
                    {"type": "DECISION", "authority": "INVESTIGATIVE_JUDGE", "outcome": "REFUSED", "decidedAt": "%s", "copyReceivedAt": "%s"}"""
                    .formatted(app.ago(Duration.ofHours(3)), app.ago(Duration.ofHours(3))));
            event(appeal, "{\"type\": \"FILED\", \"letterId\": \"%s\", \"filedAt\": \"%s\"}"
                    .formatted(letterId(appeal, "APPEAL"), app.ago(Duration.ofHours(1))));

            Map<String, String> courtTermDeadlines = deadlines(courtTerm);
            Map<String, String> investigationDeadlines = deadlines(investigation);
            Map<String, String> appealDeadlines = deadlines(appeal);
            assertThat(app.get("/api/complaints/" + appeal).get("stage").asText()).isEqualTo("APPEAL");

            app.kill();
            Duration restart = app.start("P5D");

            assertThat(app.get("/api/complaints/" + investigation).get("stage").asText()).isEqualTo("INVESTIGATION");
            assertThat(deadlines(investigation)).isEqualTo(investigationDeadlines);
            assertThat(app.get("/api/complaints/" + appeal).get("stage").asText()).isEqualTo("APPEAL");
            assertThat(deadlines(appeal)).isEqualTo(appealDeadlines);
            assertThat(deadlines(courtTerm)).isEqualTo(courtTermDeadlines);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(count(courtTerm, "DEADLINE_MISSED")).isEqualTo(1);
                assertThat(count(silentAuthority, "AUTHORITY_SILENT")).isEqualTo(1);
            });
            assertThat(app.get("/api/complaints/" + silentAuthority).get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
            String stageOfCourtTerm = app.get("/api/complaints/" + courtTerm).get("stage").asText();

            app.kill();
            app.start("P5D");
            Thread.sleep(3000); // give any wrongly re-fired timer time to show itself
            assertThat(count(courtTerm, "DEADLINE_MISSED")).isEqualTo(1);
            assertThat(count(silentAuthority, "AUTHORITY_SILENT")).isEqualTo(1);
            assertThat(app.get("/api/complaints/" + courtTerm).get("stage").asText()).isEqualTo(stageOfCourtTerm);
            assertThat(app.get("/api/complaints/" + silentAuthority).get("stage").asText()).isEqualTo("INVESTIGATIVE_JUDGE");
            System.out.printf("crash-restart: first start %d ms, restart after SIGKILL %d ms%n", firstStart.toMillis(), restart.toMillis());
        }
    }
}
