package kz.shagym.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import kz.shagym.clock.ShagymClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

/** Exactly-once delivery across sender restarts and SMTP outages, and re-planning after a recalculation. */
class ReminderDeliveryTest extends NotifyTestSupport {

    @Autowired
    MailComposer composer;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    ShagymClock clock;
    @Autowired
    NotifyProperties properties;

    /**
     * Method: a sender claims a due row (committed SENDING) and "dies" before marking it; a fresh sender instance (as
     * after a restart, same database) and fresh re-planning run. The fresh claim is left alone; once the claim is
     * stale the row is sent exactly once; rows already SENT are never sent again however often it is re-planned.
     */
    @Test
    void restartOfTheSenderBetweenTwoSendsSendsNothingTwice() {
        String lawyer = user("LAWYER", "ru");
        UUID id = registerFor(lawyer, Duration.ofDays(1));
        forwarded(id, Duration.ofHours(20), Duration.ofHours(2));
        String caseNumber = caseNumber(id);

        ReminderRow sevenDays = row(id, ReminderKind.REMINDER, "P7D", lawyer);
        advanceTo(sevenDays.sendAt());
        planAndSend(id);
        assertThat(mailsTo(lawyer, caseNumber)).hasSize(1);

        ReminderRow threeDays = row(id, ReminderKind.REMINDER, "P3D", lawyer);
        advanceTo(threeDays.sendAt());
        assertThat(outbox.claim(reload(threeDays), clock.instant())).as("the sender that is about to die claims").isTrue();

        ReminderSender restarted = new ReminderSender(outbox, composer, mailSender, clock, properties);
        planner.reconcile(id);
        restarted.runOnce();
        assertThat(mailsTo(lawyer, caseNumber)).as("a fresh claim may still be sending: left alone").hasSize(1);

        advanceTo(ladder.now().plus(properties.claimTimeout()).plusSeconds(1));
        restarted.runOnce();
        planAndSend(id);
        new ReminderSender(outbox, composer, mailSender, clock, properties).runOnce();
        jobs.reconcileAll();
        sender.runOnce();

        assertThat(mailsTo(lawyer, caseNumber)).hasSize(2);
        assertThat(mailsTo(lawyer, caseNumber)).extracting(ReadMail::subject)
                .anySatisfy(s -> assertThat(s).contains("срок через 7 дней"))
                .anySatisfy(s -> assertThat(s).contains("срок через 3 дня"));
        assertThat(reload(threeDays).status()).isEqualTo(ReminderRow.SENT);
        assertThat(reload(sevenDays).status()).isEqualTo(ReminderRow.SENT);
        assertThat(mailsTo(lawyer, caseNumber)).extracting(ReadMail::messageId)
                .containsExactlyInAnyOrder("<reminder-" + sevenDays.id() + "@shagym>", "<reminder-" + threeDays.id() + "@shagym>");
    }

    @Test
    void smtpDownForAWhileThenUpDeliversEveryMailExactlyOnceAndShowsStuckOnesMeanwhile() {
        String lawyer = user("LAWYER", "en");
        UUID id = registerFor(lawyer, Duration.ofDays(1));
        forwarded(id, Duration.ofHours(20), Duration.ofHours(2));
        String caseNumber = caseNumber(id);
        ReminderRow sevenDays = row(id, ReminderKind.REMINDER, "P7D", lawyer);

        TestMailServer.stop();
        try {
            advanceTo(sevenDays.sendAt());
            planAndSend(id);
            assertThat(reload(sevenDays).status()).isEqualTo(ReminderRow.FAILED_RETRYING);
            assertThat(reload(sevenDays).attempts()).isEqualTo(1);
            while (!reload(sevenDays).stuck()) {
                advanceTo(reload(sevenDays).nextAttemptAt());
                planAndSend(id);
            }
            ReminderRow stuck = reload(sevenDays);
            assertThat(stuck.attempts()).isEqualTo(properties.stuckAfter());
            assertThat(stuck.nextAttemptAt()).as("still retried, at the capped interval")
                    .isBeforeOrEqualTo(ladder.now().plus(properties.backoffMax()));
            assertThat(ladder.rest().getForEntity("/api/reminders/failures", String.class).getBody()).contains(sevenDays.id().toString());
        } finally {
            TestMailServer.start();
        }
        advanceTo(reload(sevenDays).nextAttemptAt());
        planAndSend(id);
        planAndSend(id);
        ReminderRow threeDays = row(id, ReminderKind.REMINDER, "P3D", lawyer);
        advanceTo(threeDays.sendAt());
        planAndSend(id);
        planAndSend(id);

        assertThat(mailsTo(lawyer, caseNumber)).extracting(ReadMail::subject)
                .filteredOn(s -> s.contains("due in 7 days")).hasSize(1);
        assertThat(mailsTo(lawyer, caseNumber)).extracting(ReadMail::subject)
                .filteredOn(s -> s.contains("due in 3 days")).hasSize(1);
        assertThat(reload(sevenDays).status()).isEqualTo(ReminderRow.SENT);
        assertThat(ladder.rest().getForEntity("/api/reminders/failures", String.class).getBody())
                .doesNotContain(sevenDays.id().toString());
    }

    @Test
    void recalculatedDeadlineCancelsItsPendingMailsAndPlansNewOnesForTheNewLastDay() {
        String lawyer = user("LAWYER", "ru");
        UUID id = registerFor(lawyer, Duration.ofDays(4));
        UUID event = forwarded(id, Duration.ofHours(90), Duration.ofHours(80));
        String caseNumber = caseNumber(id);
        UUID before = deadlineId(id, RULE_JUDGE);
        LocalDate oldLastDay = LocalDate.parse(ladder.deadline(id, RULE_JUDGE).get("lastDay").asText());
        assertThat(outbox.ofComplaint(id)).filteredOn(r -> before.equals(r.deadlineId()) && r.kind() == ReminderKind.REMINDER)
                .hasSize(4);

        ResponseEntityAssert.ok(post("/api/complaints/" + id + "/events/" + event + "/correction",
                "{\"learnedAt\": \"%s\", \"reason\": \"the applicant learned later\"}".formatted(ladder.ago(Duration.ofHours(1)))));
        UUID after = deadlineId(id, RULE_JUDGE);
        LocalDate newLastDay = LocalDate.parse(ladder.deadline(id, RULE_JUDGE).get("lastDay").asText());
        assertThat(after).isNotEqualTo(before);
        assertThat(newLastDay).isAfter(oldLastDay);

        assertThat(outbox.ofComplaint(id)).filteredOn(r -> before.equals(r.deadlineId()))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReminderRow.CANCELLED));
        assertThat(outbox.ofComplaint(id)).filteredOn(r -> after.equals(r.deadlineId()) && r.kind() == ReminderKind.REMINDER)
                .extracting(ReminderRow::offsetKey).containsExactlyInAnyOrder("P7D", "P3D", "P1D", "P0D");

        advanceTo(row(id, ReminderKind.REMINDER, "P7D", lawyer).sendAt());
        planAndSend(id);
        assertThat(mailsTo(lawyer, caseNumber)).hasSize(1).first().extracting(ReadMail::subject).asString()
                .contains("срок через 7 дней").endsWith(newLastDay.format(MailComposer.DAY));
    }
}
