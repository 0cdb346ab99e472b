package kz.shagym.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import kz.shagym.clock.ShagymClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one sender. Order per row: <b>claim</b> (committed: status SENDING, claimed_at, claim version + 1), <b>send</b>,
 * <b>mark</b> SENT. SMTP cannot join a database transaction, so one of two crashes must be accepted:
 * <ul>
 *   <li>mark-then-send loses the mail when the process dies in between — a reminder nobody gets;</li>
 *   <li>claim-send-mark (chosen) re-sends it once: a row left SENDING past {@code claim-timeout} is claimed again.</li>
 * </ul>
 * A missed deadline costs a client their remedy, a duplicate costs a second look; so at most one duplicate it is, and
 * the duplicate carries the same Message-ID (derived from the row id) so that mail clients may fold the two.
 * The claim is a compare-and-set on the claim version, so two senders (two nodes, or a pass and the schedule) never
 * both send a row; a row stays claimed for the whole SMTP conversation.
 */
@Component
class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);
    /** Bounds one pass: rows that keep coming back (a loop of lost claims) cannot hold the scheduler thread forever. */
    private static final int MAX_ROUNDS = 100;

    private final ReminderOutbox outbox;
    private final MailComposer composer;
    private final JavaMailSender mailSender;
    private final ShagymClock clock;
    private final NotifyProperties properties;

    ReminderSender(ReminderOutbox outbox, MailComposer composer, JavaMailSender mailSender, ShagymClock clock,
                   NotifyProperties properties) {
        this.outbox = outbox;
        this.composer = composer;
        this.mailSender = mailSender;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${shagym.notify.send-interval:PT30S}", initialDelayString = "${shagym.notify.send-interval:PT30S}")
    void scheduledPass() {
        if (properties.mailEnabled()) {
            runOnce();
        }
    }

    /** One sending pass, synchronously: every row due now is tried once. Returns the number of mails sent. */
    int runOnce() {
        int sent = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            List<ReminderRow> due = outbox.claimable(now, now.minus(properties.claimTimeout()), properties.batchSize());
            int claimed = 0;
            for (ReminderRow row : due) {
                if (outbox.claim(row, clock.instant())) {
                    claimed++;
                    sent += deliver(row) ? 1 : 0;
                }
            }
            if (claimed == 0) {
                break;
            }
        }
        return sent;
    }

    private boolean deliver(ReminderRow row) {
        Instant now = clock.instant();
        try {
            MailComposer.Composition composition = composer.compose(row, now);
            if (composition.mail().isEmpty()) {
                outbox.markFinished(row.id(), composition.otherwise(), now);
                return false;
            }
            mailSender.send(mimeMessage(row, composition.mail().get()));
            outbox.markSent(row.id(), clock.instant());
            return true;
        } catch (MessagingException | RuntimeException e) {
            // MailException (SMTP down, refused) and any surprise alike: retried with backoff, never lost or looped on.
            failed(row, e);
            return false;
        }
    }

    private void failed(ReminderRow row, Exception e) {
        int attempts = row.attempts() + 1;
        boolean stuck = attempts >= properties.stuckAfter();
        Instant next = clock.instant().plus(properties.backoff(attempts));
        outbox.markFailed(row.id(), attempts, next, stuck, e.getClass().getSimpleName() + ": " + e.getMessage());
        if (stuck) {
            log.error("reminder {} ({} to {}) failed {} times, still retrying: {}", row.id(), row.kind(), row.recipient(),
                    attempts, e.getMessage());
        } else {
            log.warn("reminder {} failed (attempt {}), retrying at {}: {}", row.id(), attempts, next, e.getMessage());
        }
    }

    /** multipart/alternative (plain text, then HTML), UTF-8, with a Message-ID that is the same on every attempt. */
    private MimeMessage mimeMessage(ReminderRow row, MailComposer.Mail mail) throws MessagingException {
        String messageId = "<reminder-" + row.id() + "@shagym>";
        MimeMessage message = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setHeader("Content-Language", mail.language());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setSentDate(java.util.Date.from(clock.instant()));
        return message;
    }

    private Session session() {
        return mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }
}
