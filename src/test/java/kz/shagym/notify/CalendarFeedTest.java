package kz.shagym.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The per-user ICS feed, parsed back with ical4j as a calendar app would read it. */
class CalendarFeedTest extends NotifyTestSupport {

    private static final String JUDGE_TITLE = "Filing a complaint with the investigating judge";

    @Test
    void feedParsesBackKeepsTheUidAcrossRecalculationWithAHigherSequenceAndDropsAMetDeadline() throws Exception {
        String lawyer = user("LAWYER", "en");
        TestRestTemplate asLawyer = restTemplate.withBasicAuth(lawyer, PASSWORD);
        String feedPath = feedPath(asLawyer);
        UUID id = registerFor(lawyer, Duration.ofDays(4));
        UUID forwarding = forwarded(id, Duration.ofHours(90), Duration.ofHours(80));
        String caseNumber = caseNumber(id);

        ResponseEntity<String> first = restTemplate.getForEntity(feedPath, String.class);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getContentType().toString()).startsWith("text/calendar");
        VEvent judge = judgeEvent(parse(first.getBody()), caseNumber);
        String uid = value(judge, Property.UID);
        assertThat(value(judge, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(judge, Property.DTSTART)).isEqualTo(lastDay(id));
        assertThat(value(judge, Property.DESCRIPTION)).contains("(Almaty time)").contains("/cases/" + id);

        ResponseEntityAssert.ok(post("/api/complaints/" + id + "/events/" + forwarding + "/correction",
                "{\"learnedAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1)))));
        Calendar recalculated = parse(restTemplate.getForObject(feedPath, String.class));
        VEvent moved = judgeEvent(recalculated, caseNumber);
        assertThat(value(moved, Property.UID)).isEqualTo(uid);
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(moved, Property.DTSTART)).isEqualTo(lastDay(id)).isNotEqualTo(value(judge, Property.DTSTART));
        assertThat(events(recalculated)).filteredOn(e -> value(e, Property.UID).equals(uid)).hasSize(1);

        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofMinutes(1)));
        String afterFiling = restTemplate.getForObject(feedPath, String.class);
        assertThat(events(parse(afterFiling))).as("a met deadline disappears")
                .noneMatch(e -> value(e, Property.UID).equals(uid));
        assertThat(events(parse(afterFiling))).anyMatch(e -> value(e, Property.SUMMARY).startsWith(caseNumber + ": "));

        for (String body : List.of(first.getBody(), afterFiling)) {
            // Unfolded first: a name split across a 75-octet fold would otherwise slip past. The birth date is
            // matched whole, because a bare "1985" turns up in random UIDs (a flaky CI run found one).
            assertThat(unfolded(body)).doesNotContain(victimName).doesNotContain("Секретова")
                    .doesNotContain("1985-07-14").doesNotContain("14.07.1985").doesNotContain("19850714");
        }
    }

    @Test
    void feedShowsOnlyTheLawyersOwnCasesAndAnswers404ForUnknownOrRevokedTokens() {
        String lawyer = user("LAWYER", "ru");
        String other = user("LAWYER", "ru");
        TestRestTemplate asOther = restTemplate.withBasicAuth(other, PASSWORD);
        String otherFeed = feedPath(asOther);
        UUID id = registerFor(lawyer, Duration.ofDays(1));
        forwarded(id, Duration.ofHours(20), Duration.ofHours(2));

        assertThat(restTemplate.getForObject(otherFeed, String.class)).contains("BEGIN:VCALENDAR").doesNotContain(caseNumber(id));

        String rotated = feedPath(asOther);
        assertThat(restTemplate.getForEntity(otherFeed, String.class).getStatusCode().value()).as("rotated away").isEqualTo(404);
        assertThat(restTemplate.getForEntity(rotated, String.class).getStatusCode().value()).isEqualTo(200);
        exchange(HttpMethod.DELETE, "/api/me/calendar-token", null, asOther);
        assertThat(restTemplate.getForEntity(rotated, String.class).getStatusCode().value()).as("revoked").isEqualTo(404);
        assertThat(restTemplate.getForEntity("/ics/not-a-token.ics", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(restTemplate.postForEntity("/api/me/calendar-token", null, String.class).getStatusCode().value())
                .as("creating a feed needs a login").isEqualTo(401);
    }

    private String feedPath(TestRestTemplate as) {
        ResponseEntity<String> response = exchange(HttpMethod.POST, "/api/me/calendar-token", null, as);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return URI.create(ladder.read(response.getBody()).get("url").asText()).getPath();
    }

    private String lastDay(UUID id) {
        return LocalDate.parse(ladder.deadline(id, RULE_JUDGE).get("lastDay").asText()).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static String unfolded(String ics) {
        return ics.replaceAll("\\r?\\n[ \\t]", "");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
    }

    private static VEvent judgeEvent(Calendar calendar, String caseNumber) {
        return events(calendar).stream()
                .filter(e -> value(e, Property.SUMMARY).equals(caseNumber + ": " + JUDGE_TITLE))
                .reduce((a, b) -> {
                    throw new AssertionError("two events for one deadline");
                })
                .orElseThrow(() -> new AssertionError("no judge-complaint event for " + caseNumber + " in " + calendar));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }
}
