-- Every review of a letter is kept (the letter row holds only the current one, cleared by a new version): who approved
-- or rejected which version, when, with what comment. The letters workspace and the case timeline show them.
create table letter_review (
    id           uuid primary key,
    letter_id    uuid not null references letter(id),
    complaint_id uuid not null references complaint(id),
    version      integer not null,
    decision     varchar(20) not null,
    note         varchar(2000),
    reviewed_by  varchar(100) not null,
    reviewed_at  timestamp with time zone not null
);
create index letter_review_letter_idx on letter_review(letter_id);
create index letter_review_complaint_idx on letter_review(complaint_id);
