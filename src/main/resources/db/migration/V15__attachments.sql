-- A complaint's attachments: scans and files of decisions, medical reports, photos. The bytes live encrypted under
-- <data-dir>/attachments/<complaint>/<attachment>.bin (StoredFileCipher); the title and the original file name may
-- name the victim, so they are AES-GCM envelopes ("v1:<keyId>:<base64>", VictimIdentityCipher) bound to the row.
-- Width: an envelope of n characters takes at most 4 * ceil((3n + 28) / 3) + 36 characters.
create table attachment (
    id                 uuid primary key,
    complaint_id       uuid not null references complaint(id),
    title              varchar(2100) not null,   -- up to 500 characters, encrypted
    kind               varchar(20) not null,     -- DECISION, MEDICAL_REPORT, PHOTO, OTHER
    document_date      date,
    original_file_name varchar(1100) not null,   -- up to 255 characters, encrypted
    media_type         varchar(100) not null,
    size_bytes         bigint not null,
    sha256             varchar(64) not null,     -- of the plain file, as uploaded
    uploaded_by        varchar(100) not null,
    uploaded_at        timestamp with time zone not null,
    deleted_at         timestamp with time zone
);
create index attachment_complaint_ix on attachment (complaint_id);

-- The attachments a letter lists under "Приложения", in the lawyer's order.
create table letter_annex (
    letter_id     uuid not null references letter(id),
    attachment_id uuid not null references attachment(id),
    position      integer not null,
    constraint letter_annex_pk primary key (letter_id, attachment_id)
);
