-- The case file of a complaint (kz.shagym.complaint.CaseFile: who files, who represents, what happened, the
-- authorities' numbers), one per complaint on its own row. Like the medical facts it is personal data (the applicant's
-- and the victim's addresses, ИИН, phones, the account of what happened), so it is stored only as one AES-GCM envelope
-- ("v1:<keyId>:<base64>") of its JSON, written and read by VictimIdentityCipher at the ledger boundary and bound to the
-- complaint's id; the key rotation rewrites it with the complaint's other encrypted columns.
-- Width: the service caps the JSON at 24000 characters; its envelope takes at most 4 * ceil((3n + 28) / 3) + 36.
alter table complaint add column case_file varchar(96200);
