package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.shagym.LadderHarness;
import kz.shagym.security.TestUsers;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Cases whose applicant let the court term (УПК art. 106) pass: registered for a lawyer of their own,
 * forwarded to internal security so long ago that the term had lapsed when it was entered, then the application clock
 * moved past the one-day grace so that the engine marks each term MISSED and drafts its motion to restore the term.
 * Set up through the API; what the tests look at is on the pages.
 */
final class MissedTerms {

    static final String JUDGE_TERM = "kz.upk.106.file-complaint";

    /** One case as the pages show it, and the dates the lawyer entered for it. */
    record MissedCase(UUID id, String caseNumber, UUID deadlineId, String lastDay, String victimName, String filedAt,
                      String forwardedAt) {}

    /** What {@link #create} set up: the lawyer (their full name is "Test LAWYER"), the region and the cases, oldest number first. */
    record Setup(String lawyer, String region, List<MissedCase> cases) {}

    private MissedTerms() {
    }

    /** {@code count} missed cases of a new lawyer; moves the shared clock by two days. */
    static Setup create(LadderHarness ladder, int count) {
        String lawyer = TestUsers.create(ladder, "LAWYER");
        // regions are a fixed list: the board is narrowed to the new lawyer instead, whose cases these are alone
        String region = "ULYTAU";
        List<UUID> ids = new ArrayList<>();
        List<String[]> dates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "Пропущенова Сауле " + patronymic();
            String filedAt = ladder.ago(Duration.ofDays(50));
            UUID id = register(ladder, lawyer, region, name, filedAt);
            String forwardedAt = ladder.ago(Duration.ofDays(26));
            ladder.event(id, """
                    {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                    .formatted(forwardedAt, ladder.ago(Duration.ofDays(25))));
            ids.add(id);
            names.add(name);
            dates.add(new String[] {filedAt, forwardedAt});
        }
        ladder.advanceClock("P2D"); // past the grace that an old case's lapsed dates get before they act
        List<MissedCase> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = ids.get(i);
            ladder.awaitHistory(id, "DEADLINE_MISSED", 1);
            ladder.letter(id, "RESTORE_TERM_MOTION");
            JsonNode term = ladder.deadline(id, JUDGE_TERM);
            assertThat(term.get("status").asText()).isEqualTo("MISSED");
            cases.add(new MissedCase(id, ladder.view(id).get("caseNumber").asText(), UUID.fromString(term.get("id").asText()),
                    term.get("lastDay").asText(), names.get(i), dates.get(i)[0], dates.get(i)[1]));
        }
        cases.sort(java.util.Comparator.comparing(MissedCase::caseNumber));
        return new Setup(lawyer, region, cases);
    }

    /** A made-up name part of Cyrillic letters, different in every run: the search by name must find only this case. */
    static String patronymic() {
        String letters = "абвгдежзиклмнопрстуф";
        StringBuilder name = new StringBuilder("Б");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            name.append(letters.charAt(random.nextInt(letters.length())));
        }
        return name.append("овна").toString();
    }

    /** A complaint of {@code lawyer}, in {@code region}, waiting for the authority. */
    static UUID register(LadderHarness ladder, String lawyer, String region, String victimName, String filedAt) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = ladder.rest().postForEntity("/api/complaints", new HttpEntity<>("""
                {"victim": {"fullName": "%s", "birthDate": "1984-03-09"}, "region": "%s", "allegation": "TORTURE",
                 "filedWith": "ANTI_CORRUPTION", "filedAt": "%s", "language": "ru", "lawyer": "%s"}"""
                .formatted(victimName, region, filedAt, lawyer), headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        UUID id = UUID.fromString(ladder.read(response.getBody()).get("id").asText());
        ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
        return id;
    }
}
