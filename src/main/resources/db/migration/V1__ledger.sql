-- The case ledger: the system of record. The engine holds only ids and instants and is rebuilt from here on start.
-- Instants are stored as UTC timestamps with time zone; local legal dates (Asia/Almaty) as DATE.

create table app_user (
    username        varchar(100) primary key,
    password_hash   varchar(200) not null,
    role            varchar(20)  not null,
    full_name       varchar(200),
    email           varchar(320),
    language        varchar(2)   not null default 'ru',
    enabled         boolean      not null default true,
    created_at      timestamp with time zone not null
);

create sequence case_number_seq start with 1;

create table complaint (
    id                    uuid primary key,
    case_number           varchar(40)  not null unique,
    region                varchar(100) not null,
    allegation            varchar(20)  not null,
    filed_with            varchar(30)  not null,
    filed_at              timestamp with time zone not null,
    incident_date         date,
    language              varchar(2)   not null,
    stage                 varchar(40)  not null,
    status                varchar(10)  not null,
    lawyer                varchar(100) not null references app_user(username),
    victim_full_name      varchar(6000) not null,
    victim_birth_date     date,
    exhaustion_date       date,
    committee             varchar(3),
    process_instance_key  bigint,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               integer not null default 0
);
create index complaint_open_idx on complaint(status, stage);
create index complaint_lawyer_idx on complaint(lawyer);

-- Every fact in the order it was recorded: user events, engine outcomes (silence, reminders), corrections.
create table complaint_event (
    id                uuid primary key,
    complaint_id      uuid not null references complaint(id),
    seq               integer not null,
    type              varchar(40) not null,
    occurred_at       timestamp with time zone not null,
    learned_at        timestamp with time zone,
    copy_received_at  timestamp with time zone,
    authority         varchar(30),
    outcome           varchar(20),
    rung              varchar(40),
    detail            varchar(20000),
    source            varchar(10) not null,
    recorded_by       varchar(100),
    recorded_at       timestamp with time zone not null,
    constraint complaint_event_seq_uk unique (complaint_id, seq)
);

-- The rungs a complaint currently stands on (two at once during a challenge) and the step within each.
create table rung_track (
    id            uuid primary key,
    complaint_id  uuid not null references complaint(id),
    rung          varchar(40) not null,
    step          varchar(40) not null,
    opened_at     timestamp with time zone not null,
    closed_at     timestamp with time zone,
    outcome       varchar(20)
);
create index rung_track_open_idx on rung_track(complaint_id, closed_at);

create table deadline (
    id                uuid primary key,
    complaint_id      uuid not null references complaint(id),
    track_id          uuid references rung_track(id),
    role              varchar(40) not null,
    rule_id           varchar(100) not null,
    owed_by           varchar(12) not null,
    trigger_kind      varchar(40) not null,
    trigger_event_id  uuid,
    trigger_field     varchar(20),
    trigger_at        timestamp with time zone not null,
    last_day          date not null,
    due_at            timestamp with time zone not null,
    reminder_at       timestamp with time zone,
    status            varchar(10) not null,
    confidence        varchar(2) not null,
    legal_basis       varchar(300),
    explanation       varchar(100000),
    reminded_at       timestamp with time zone,
    escalated_at      timestamp with time zone,
    closed_at         timestamp with time zone,
    superseded_by     uuid,
    created_at        timestamp with time zone not null
);
create index deadline_complaint_idx on deadline(complaint_id, status);
create index deadline_due_idx on deadline(status, due_at);

create table letter (
    id              uuid primary key,
    complaint_id    uuid not null references complaint(id),
    track_id        uuid,
    kind            varchar(40) not null,
    language        varchar(2) not null,
    status          varchar(20) not null,
    version         integer not null,
    file_path       varchar(1000),
    sha256          varchar(64),
    stale           boolean not null default false,
    created_at      timestamp with time zone not null,
    filed_at        timestamp with time zone,
    channel         varchar(30),
    frozen_at       timestamp with time zone,
    idempotency_key varchar(200) not null,
    constraint letter_once_per_rung_uk unique (idempotency_key)
);
create index letter_complaint_idx on letter(complaint_id);
