-- Victim identity at rest: the name and birth date are stored only as AES-GCM envelopes ("v1:<keyId>:<base64>"),
-- written and read by VictimIdentityCipher at the ledger boundary. The birth date becomes encrypted text.
-- Rows from before this migration are encrypted right after it by the Java migration 5.1 (EncryptLegacyIdentities),
-- which needs the key and so cannot be SQL; until then the copied date below is plain ISO text.
alter table complaint add column victim_birth_date_enc varchar(200);
update complaint set victim_birth_date_enc = cast(victim_birth_date as varchar(20)) where victim_birth_date is not null;
alter table complaint drop column victim_birth_date;
-- Blind index for exact-match search by name: "<keyId>:<hex HMAC-SHA256 of the normalized name>".
alter table complaint add column victim_name_index varchar(100);
create index complaint_victim_name_idx on complaint(victim_name_index);
