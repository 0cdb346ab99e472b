package kz.shagym.notify;

/** What a reminder row is about. */
enum ReminderKind {
    /** Before an applicant's last day, at one of the rule's catalog offsets (P0D: the last day itself). */
    REMINDER,
    /** After an applicant's last day passed unfiled: daily, to the lawyer and every coordinator, until acknowledged. */
    OVERDUE,
    /** An authority's or the State's term lapsed without an answer (the ledger recorded silence): propose the next letter. */
    AUTHORITY_SILENT,
    /** Once a day per lawyer and coordinator: what is due soon and what is overdue. */
    DIGEST
}
