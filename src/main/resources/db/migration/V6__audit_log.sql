-- Append-only, hash-chained audit trail: hash = SHA-256(prev_hash | canonical row). The single audit_head row holds
-- the last seq and hash; writers lock it (select ... for update), so the chain cannot fork, and its value also reveals
-- rows deleted from the end. Only AuditLog inserts; nothing updates or deletes (AuditVerifier finds the first break).
create table audit_log (
    seq        bigint primary key,
    at         timestamp with time zone not null,
    actor      varchar(100),
    action     varchar(40)  not null,
    target     varchar(200),
    detail     varchar(2000),
    prev_hash  varchar(64)  not null,
    hash       varchar(64)  not null
);

create table audit_head (
    id    integer primary key,
    seq   bigint      not null,
    hash  varchar(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
