-- Medical facts of a complaint (injuries, the medical examination, the forensic examination, the doctor's findings).
-- Like the victim's identity they are stored only as AES-GCM envelopes ("v1:<keyId>:<base64>"), one column each,
-- written and read by VictimIdentityCipher at the ledger boundary; even the dates and the forensic status are text.
-- Width: an envelope of n characters of text takes at most 4 * ceil((3n + 28) / 3) + 36 characters
-- (3 bytes per UTF-16 unit in UTF-8, 12-byte IV, 16-byte tag, base64, "v1:" + a key id of up to 32 + ":").
alter table complaint add column medical_injuries varchar(16100);       -- up to 4000 characters
alter table complaint add column medical_exam_date varchar(200);        -- ISO date
alter table complaint add column medical_exam_place varchar(1300);      -- up to 300 characters
alter table complaint add column medical_forensic_exam varchar(200);    -- NOT_REQUESTED, REQUESTED, REFUSED, DONE
alter table complaint add column medical_findings varchar(16100);       -- up to 4000 characters
-- The victim's name is accepted up to 5000 characters: its envelope needs up to 20076, not the 6000 of V1.
alter table complaint alter column victim_full_name set data type varchar(20100);
