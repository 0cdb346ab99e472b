package kz.shagym.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The daily digest: once per user per day, what is due soon and what is overdue, no victim data. */
class DigestTest extends NotifyTestSupport {

    @Test
    void digestGoesOncePerDayToLawyerAndCoordinatorListingWhatIsDueThisWeek() {
        String lawyer = user("LAWYER", "ru");
        String coordinator = user("COORDINATOR", "en");
        UUID id = registerFor(lawyer, Duration.ofDays(1));
        forwarded(id, Duration.ofHours(20), Duration.ofHours(2));
        String caseNumber = caseNumber(id);

        advanceTo(row(id, ReminderKind.REMINDER, "P7D", lawyer).sendAt());
        jobs.reconcileAll();
        sender.runOnce();
        jobs.reconcileAll();
        sender.runOnce();
        assertThat(digestsTo(lawyer)).hasSize(1).first().satisfies(d -> {
            assertThat(d.subject()).startsWith("[Shagym] Сводка сроков на").contains("ближайших — 1");
            assertThat(d.text()).contains(caseNumber).contains("Подача жалобы следственному судье");
            assertThat(d.all()).doesNotContain(victimName).doesNotContain("Секретова");
        });
        assertThat(digestsTo(coordinator)).hasSize(1).first().extracting(ReadMail::text).asString().contains(caseNumber);

        advanceTo(ladder.now().plus(Duration.ofDays(1)));
        jobs.reconcileAll();
        sender.runOnce();
        sender.runOnce();
        assertThat(digestsTo(lawyer)).hasSize(2).extracting(ReadMail::subject).doesNotHaveDuplicates();
    }

    private List<ReadMail> digestsTo(String username) {
        return mails("[Shagym]").stream().filter(m -> m.to().equals(username + "@example.org"))
                .filter(m -> m.subject().contains("Сводка") || m.subject().contains("Deadlines on")).toList();
    }
}
