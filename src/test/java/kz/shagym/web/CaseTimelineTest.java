package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;

/**
 * The case page's timeline lists what happened in the order it happened (an entry's own date; equal dates in the order
 * they were entered), each entry in words — event, authority, outcome, the decision's grounds, the letter, the rule,
 * a correction's dates — with when and by whom it was entered apart from it, and no code of the ledger's.
 */
class CaseTimelineTest extends ShagymIntegrationTest {

    private static final Pattern ENTRY = Pattern.compile(
            "<li data-type=\"([A-Z_]+)\" data-seq=\"(\\d+)\">(.*?)</li>", Pattern.DOTALL);

    record Entry(String type, int seq, String text) {}

    @Test
    void aCopyEnteredAfterACorrectionStandsWhereItHappenedAndEveryEntryReadsInWords() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(30)));
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s"}""".formatted(ladder.ago(Duration.ofHours(20))));
        ladder.event(id, """
                {"type": "DECISION", "authority": "INTERNAL_SECURITY", "outcome": "REFUSED", "reason": "NOT_PROVEN",
                 "decidedAt": "%s", "learnedAt": "%s", "note": "Вручено под роспись"}"""
                .formatted(ladder.ago(Duration.ofHours(10)), ladder.ago(Duration.ofHours(2))));
        String decision = eventId(id, "DECISION");
        var corrected = ladder.rest().postForEntity("/api/complaints/" + id + "/events/" + decision + "/correction",
                new HttpEntity<>("{\"learnedAt\": \"%s\", \"reason\": \"по почтовому штемпелю\"}"
                        .formatted(ladder.ago(Duration.ofHours(3))), LadderHarness.jsonHeaders()), String.class);
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        ladder.event(id, """
                {"type": "COPY_RECEIVED", "occurredAt": "%s", "decisionEventId": "%s"}"""
                .formatted(ladder.ago(Duration.ofHours(1)), decision));

        PageSession browser = new PageSession(restTemplate.getRootUri());
        browser.login(LadderHarness.ADMIN, LadderHarness.ADMIN_PASSWORD);
        List<Entry> ru = timeline(browser.get("/cases/" + id + "?lang=ru").body());

        assertThat(ru).extracting(Entry::type).containsSubsequence("REPORT_FILED", "FORWARDED_TO_INTERNAL_SECURITY",
                "DECISION", "COPY_RECEIVED", "DATE_CORRECTED", "DEADLINE_RECALCULATED");
        Entry copy = only(ru, "COPY_RECEIVED");
        Entry correction = only(ru, "DATE_CORRECTED");
        assertThat(copy.seq()).as("the copy was entered after the correction, and is listed before it: it happened first")
                .isGreaterThan(correction.seq());
        List<Entry> sameMoment = ru.stream().filter(e -> e.type().equals("DATE_CORRECTED") || e.type().equals("DEADLINE_RECALCULATED")).toList();
        assertThat(sameMoment).extracting(Entry::seq).as("entered at the same instant: in entry order").isSorted();

        Entry refused = only(ru, "DECISION");
        assertThat(refused.text()).contains("Решение органа", "УСБ", "отказано", "основание: не доказано",
                "Вручено под роспись", "ступень: Проверка УСБ").containsPattern("внесено \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d, admin");
        assertThat(only(ru, "REPORT_FILED").text()).contains("Антикоррупционная служба");
        assertThat(correction.text()).contains("исправлена запись № " + seqOf(ru, "DECISION"), "причина: по почтовому штемпелю")
                .containsPattern("когда узнали: \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d → \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
        assertThat(ru.stream().filter(e -> e.type().equals("DEADLINE_RECALCULATED")).map(Entry::text))
                .anyMatch(t -> t.contains("жалобы следственному судье")
                        && Pattern.compile("последний день \\d\\d\\.\\d\\d\\.\\d{4} → \\d\\d\\.\\d\\d\\.\\d{4}").matcher(t).find());
        for (Entry e : ru) {
            assertThat(e.text()).as("entry %s in words", e.type())
                    .doesNotContainPattern("[A-Z]{3,}_[A-Z_]+|reason=|decision [0-9a-f]{8}-|kz\\.upk|\\d{4}-\\d\\d-\\d\\dT|Z\\b");
        }

        List<Entry> kk = timeline(browser.get("/cases/" + id + "?lang=kk").body());
        assertThat(kk).extracting(Entry::type).isEqualTo(ru.stream().map(Entry::type).toList());
        assertThat(only(kk, "DECISION").text()).contains("ІҚБ", "бас тартылды", "негізі: дәлелденбеді", "саты: ІҚБ тексеруі")
                .containsPattern("енгізілді \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d, admin");
        assertThat(only(kk, "DATE_CORRECTED").text()).contains("№ " + seqOf(kk, "DECISION") + " жазба түзетілді", "себебі:");

        JsonNode api = ladder.view(id).get("history");
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        api.forEach(h -> byType.putIfAbsent(h.get("type").asText(), h));
        assertThat(byType.get("DECISION").get("reason").asText()).isEqualTo("NOT_PROVEN");
        assertThat(byType.get("DECISION").get("note").asText()).isEqualTo("Вручено под роспись");
        assertThat(byType.get("COPY_RECEIVED").has("note")).as("the decision's id is not a note").isFalse();
        assertThat(byType.get("DATE_CORRECTED").get("correction").get("reason").asText()).isEqualTo("по почтовому штемпелю");
        List<Instant> at = new ArrayList<>();
        api.forEach(h -> at.add(Instant.parse(h.get("at").asText())));
        assertThat(at).as("the API's history in the same order").isSorted();
    }

    private String eventId(UUID id, String type) {
        for (JsonNode h : ladder.view(id).get("history")) {
            if (type.equals(h.get("type").asText())) {
                return h.get("id").asText();
            }
        }
        throw new AssertionError("no " + type + " in the history of " + id);
    }

    private static List<Entry> timeline(String html) {
        String ol = html.substring(html.indexOf("<ol class=\"timeline\">"), html.indexOf("</ol>", html.indexOf("<ol class=\"timeline\">")));
        List<Entry> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(ol);
        while (m.find()) {
            String text = m.group(3).replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
            entries.add(new Entry(m.group(1), Integer.parseInt(m.group(2)), text));
        }
        return entries;
    }

    private static Entry only(List<Entry> entries, String type) {
        List<Entry> of = entries.stream().filter(e -> e.type().equals(type)).toList();
        assertThat(of).as(type).hasSize(1);
        return of.get(0);
    }

    private static int seqOf(List<Entry> entries, String type) {
        return only(entries, type).seq();
    }
}
