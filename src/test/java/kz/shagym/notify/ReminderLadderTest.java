package kz.shagym.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reminder ladder of one applicant deadline, driven through the REST API with the shared clock advanced. */
class ReminderLadderTest extends NotifyTestSupport {

    @Test
    void applicantDeadlineMailsEachRungOfTheLadderOnceThenOverdueDailyToLawyerAndCoordinatorUntilAcknowledged() {
        String lawyer = user("LAWYER", "ru");
        String coordinator = user("COORDINATOR", "en");
        UUID id = registerFor(lawyer, Duration.ofDays(1));
        forwarded(id, Duration.ofHours(20), Duration.ofHours(2));
        String caseNumber = caseNumber(id);
        LocalDate lastDay = LocalDate.parse(ladder.deadline(id, RULE_JUDGE).get("lastDay").asText());
        String basis = ladder.deadline(id, RULE_JUDGE).get("legalBasis").asText();

        List<String> headlines = List.of("срок через 7 дней", "срок через 3 дня", "срок через 1 день", "срок сегодня");
        List<String> offsets = List.of("P7D", "P3D", "P1D", "P0D");
        for (int i = 0; i < offsets.size(); i++) {
            ReminderRow row = row(id, ReminderKind.REMINDER, offsets.get(i), lawyer);
            assertThat(row.sendAt()).isAfterOrEqualTo(SendTimes.at(lastDay.minus(Period.parse(offsets.get(i))),
                    java.time.LocalTime.of(9, 0), Duration.ZERO, ""));
            advanceTo(row.sendAt());
            planAndSend(id);
            planAndSend(id);
            assertThat(mailsTo(lawyer, caseNumber)).hasSize(i + 1);
            assertThat(mailsTo(lawyer, caseNumber).get(i).subject()).isEqualTo("[Shagym] %s: %s — Подача жалобы следственному судье (%s), %s"
                    .formatted(caseNumber, headlines.get(i), basis, lastDay.format(MailComposer.DAY)));
        }
        assertThat(mailsTo(coordinator, caseNumber)).as("the coordinator hears only of what is overdue").isEmpty();

        ReminderRow firstOverdue = row(id, ReminderKind.OVERDUE, lastDay.plusDays(1).toString(), lawyer);
        advanceTo(firstOverdue.sendAt().plus(Duration.ofMinutes(30)));
        planAndSend(id);
        assertThat(mailsTo(lawyer, caseNumber)).hasSize(5).last().extracting(ReadMail::subject).asString().contains("срок пропущен");
        assertThat(mailsTo(coordinator, caseNumber)).hasSize(1).first().extracting(ReadMail::subject).asString()
                .startsWith("[Shagym] " + caseNumber + ": overdue — Filing a complaint with the investigating judge");

        ReminderRow secondOverdue = row(id, ReminderKind.OVERDUE, lastDay.plusDays(2).toString(), coordinator);
        advanceTo(secondOverdue.sendAt().plus(Duration.ofMinutes(30)));
        planAndSend(id);
        assertThat(mailsTo(lawyer, caseNumber)).hasSize(6);
        assertThat(mailsTo(coordinator, caseNumber)).hasSize(2);

        ResponseEntityAssert.ok(post("/api/reminders/" + secondOverdue.id() + "/acknowledge", ""));
        advanceTo(ladder.now().plus(Duration.ofDays(2)));
        planAndSend(id);
        planAndSend(id);
        assertThat(mailsTo(lawyer, caseNumber)).as("acknowledged: no more overdue mail").hasSize(6);
        assertThat(mailsTo(coordinator, caseNumber)).hasSize(2);
        // Coordinators created by other test classes get the overdue mails too; count this test's two users.
        assertThat(outbox.ofComplaint(id)).filteredOn(r -> r.status().equals(ReminderRow.SENT))
                .filteredOn(r -> r.recipient().equals(lawyer) || r.recipient().equals(coordinator))
                .extracting(ReminderRow::dedupKey).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void noMailCarriesTheVictimsNameOrBirthDate() {
        String lawyer = user("LAWYER", "kk");
        UUID id = registerFor(lawyer, Duration.ofDays(1));
        forwarded(id, Duration.ofHours(20), Duration.ofHours(2));
        String caseNumber = caseNumber(id);
        advanceTo(row(id, ReminderKind.REMINDER, "P0D", lawyer).sendAt());
        planAndSend(id);
        advanceTo(ladder.now().plus(Duration.ofDays(1)));
        planAndSend(id);

        List<ReadMail> mails = mailsTo(lawyer, caseNumber);
        assertThat(mails).isNotEmpty();
        assertThat(mails).allSatisfy(m -> {
            assertThat(m.all()).doesNotContain(victimName).doesNotContain("Секретова").doesNotContain("14.07.1985")
                    .doesNotContain("1985-07-14").contains("/cases/" + id);
            assertThat(m.text()).isNotBlank();
            assertThat(m.html()).contains("<a href=");
        });
    }

    @Test
    void authoritySilencePastItsTermAlertsTheLawyerOnceProposingTheNextLetter() {
        String lawyer = user("LAWYER", "en");
        UUID id = registerFor(lawyer, Duration.ofHours(1));
        String caseNumber = caseNumber(id);
        assertThat(outbox.ofComplaint(id)).as("nothing to say while the authority is within its term").isEmpty();

        ladder.advanceClock("P5D");
        ladder.awaitHistory(id, "AUTHORITY_SILENT", 1);
        ReminderRow alert = row(id, ReminderKind.AUTHORITY_SILENT, "-", lawyer);
        advanceTo(alert.sendAt());
        planAndSend(id);
        planAndSend(id);

        assertThat(mailsTo(lawyer, caseNumber)).filteredOn(m -> m.subject().contains("authority silent")).singleElement()
                .satisfies(m -> {
                    assertThat(m.text()).contains("Suggested next step").contains("investigating judge (CPC art. 106)");
                    assertThat(m.all()).doesNotContain(victimName);
                });
    }
}
