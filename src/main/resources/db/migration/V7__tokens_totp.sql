-- Personal API tokens: only the SHA-256 of the secret is stored (the secret is shown once, at creation). A token acts
-- as its user, so the user's role and enabled flag are read on every use, never copied here.
create table api_token (
    id            uuid primary key,
    username      varchar(100) not null references app_user(username),
    name          varchar(100) not null,
    token_hash    varchar(64)  not null unique,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone
);
create index api_token_user_idx on api_token(username);

-- Optional TOTP second factor (RFC 6238), one row per enrolled user. The secret is an AES-GCM envelope under the
-- identity keys ("v1:<keyId>:<base64>", bound to the username). active = confirmed with a code. last_step is the
-- highest 30-second time step accepted so far: a code of that step or an earlier one is a replay and is refused.
create table user_totp (
    username      varchar(100) primary key references app_user(username),
    secret_enc    varchar(300) not null,
    active        boolean      not null default false,
    created_at    timestamp with time zone not null,
    activated_at  timestamp with time zone,
    last_step     bigint       not null default 0
);
