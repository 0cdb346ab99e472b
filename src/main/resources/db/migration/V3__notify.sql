-- Reminders as data: an outbox planned from the ledger's deadlines and sent by one scheduler (kz.shagym.notify).
-- A row is one mail to one user. dedup_key = deadline|kind|offset|recipient (digests: -|DIGEST|day|recipient):
-- planning inserts only missing keys, so a row exists at most once however often the ledger is re-planned.
create table reminder (
    id               uuid primary key,
    dedup_key        varchar(400) not null,
    complaint_id     uuid references complaint(id),
    deadline_id      uuid references deadline(id),
    kind             varchar(20)  not null,   -- REMINDER, OVERDUE, AUTHORITY_SILENT, DIGEST
    offset_key       varchar(20)  not null,   -- REMINDER: the catalog offset (P3D); OVERDUE, DIGEST: the day; else '-'
    recipient        varchar(100) not null references app_user(username),
    send_at          timestamp with time zone not null,
    status           varchar(20)  not null,   -- PENDING, SENDING, SENT, FAILED_RETRYING, CANCELLED, SKIPPED
    attempts         integer      not null default 0,
    next_attempt_at  timestamp with time zone not null,
    claimed_at       timestamp with time zone,
    claim_version    integer      not null default 0,
    sent_at          timestamp with time zone,
    stuck            boolean      not null default false,
    last_error       varchar(1000),
    created_at       timestamp with time zone not null,
    closed_at        timestamp with time zone,
    constraint reminder_once_uk unique (dedup_key),
    constraint reminder_deadline_once_uk unique (deadline_id, kind, offset_key, recipient)
);
create index reminder_due_idx on reminder(status, next_attempt_at);
create index reminder_complaint_idx on reminder(complaint_id, status);

-- "Someone saw it": stops the daily overdue reminders of one deadline (a recalculated deadline starts afresh).
create table reminder_acknowledgement (
    deadline_id      uuid primary key references deadline(id),
    acknowledged_by  varchar(100) not null,
    acknowledged_at  timestamp with time zone not null
);

-- One secret calendar feed URL per user. Only the token's SHA-256 is kept: a leaked database does not leak the feeds.
create table calendar_token (
    username    varchar(100) primary key references app_user(username),
    token_hash  varchar(64)  not null,
    created_at  timestamp with time zone not null,
    constraint calendar_token_hash_uk unique (token_hash)
);
