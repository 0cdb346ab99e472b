-- Letters the ladder asks for outside a rung's own service task (a copy request for a decision, a motion to restore a
-- missed term) are recorded here in the same transaction as the ledger change that calls for them, and drafted after
-- commit. A crash in between leaves the request, and the next sweep drafts it: the letter is never lost, and its
-- idempotency key (the letter's own, unique in table letter) keeps it to one.
create table letter_request (
    idempotency_key varchar(200) primary key,
    complaint_id    uuid         not null references complaint(id),
    kind            varchar(40)  not null,
    track_id        uuid,
    requested_at    timestamp with time zone not null,
    drafted_at      timestamp with time zone,
    attempts        integer      not null default 0,
    last_error      varchar(1000)
);
create index letter_request_pending_idx on letter_request(drafted_at, requested_at);
