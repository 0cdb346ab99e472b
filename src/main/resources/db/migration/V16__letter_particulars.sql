-- What the lawyer states for one letter and the case file cannot know: the addressee as corrected for this letter, the
-- reason a term was missed, the statement of risk for interim measures, the justification of a late communication and
-- other international procedures. Kept per letter and carried into its next versions. The statements can carry
-- personal and medical facts: they are stored as AES-GCM envelopes (see V8), bound to the letter's id; the addressee
-- lines are the name of a public body and stay in clear.
create table letter_particulars (
    letter_id           uuid primary key references letter(id),
    addressee_lines     varchar(2000),      -- one line per row of the heading, separated by a line feed; null: the registry's
    missed_term_reason  varchar(16100),     -- envelopes of up to 4000 characters
    risk_statement      varchar(16100),
    delay_justification varchar(16100),
    other_procedures    varchar(16100),
    updated_by          varchar(200) not null,
    updated_at          timestamp with time zone not null
);
