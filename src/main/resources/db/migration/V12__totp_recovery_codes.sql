-- One-time recovery codes of the TOTP second factor: ten are issued when the factor is turned on (and again on
-- request, replacing the old set), shown once, and stored only as SHA-256 over the username and the code. A code
-- signs in once instead of the app's code, for a lawyer whose phone was lost or taken.
create table totp_recovery_code (
    username    varchar(100) not null references app_user(username),
    code_hash   varchar(64)  not null,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    primary key (username, code_hash)
);
