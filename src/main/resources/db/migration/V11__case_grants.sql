-- Per-case grants (need-to-know). STAFF: a staff member assigned to the case (they see and work on it; staff see no
-- other case). IDENTITY: a coordinator may see the victim's identity, and with it the medical facts and the letter
-- files, on this case (elsewhere a pseudonym). Granted and revoked by administrators and the case's lawyer; every
-- change is in the audit trail, so the row itself keeps only who granted it and when.
create table case_grant (
    complaint_id  uuid         not null references complaint(id),
    username      varchar(100) not null references app_user(username),
    kind          varchar(20)  not null,
    granted_by    varchar(100) not null,
    granted_at    timestamp with time zone not null,
    primary key (complaint_id, username, kind),
    constraint case_grant_kind_check check (kind in ('STAFF', 'IDENTITY'))
);
-- A staff member's cases: lists filter by an exists/join on this index, never by loading grants per row.
create index case_grant_user_idx on case_grant(username, kind, complaint_id);
