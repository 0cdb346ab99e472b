-- Every version of a letter is kept: generated drafts, lawyers' edited uploads, regenerations after a date correction.
-- The letter row points at the current version; once filed, the letter and its file are frozen (sha256 + time).
create table letter_version (
    id          uuid primary key,
    letter_id   uuid not null references letter(id),
    version     integer not null,
    file_path   varchar(1000) not null,
    sha256      varchar(64) not null,
    source      varchar(20) not null,
    note        varchar(2000),
    created_by  varchar(100),
    created_at  timestamp with time zone not null,
    constraint letter_version_uk unique (letter_id, version)
);

alter table letter add column reviewed_by varchar(100);
alter table letter add column reviewed_at timestamp with time zone;
alter table letter add column review_note varchar(2000);
