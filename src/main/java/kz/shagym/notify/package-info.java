/**
 * Reminders and calendars. Reminders are data: {@link kz.shagym.notify.ReminderPlanner} plans an outbox (table
 * {@code reminder}) from the ledger's deadlines after every ledger change and periodically; one scheduler
 * ({@link kz.shagym.notify.ReminderSender}) claims due rows, mails them (Jakarta Mail, ru/kk/en, text + HTML, no victim
 * data) and retries failures with backoff. Each user also has a secret, revocable ICS feed of the open deadlines.
 * Reads the ledger's tables; never changes them.
 */
package kz.shagym.notify;
