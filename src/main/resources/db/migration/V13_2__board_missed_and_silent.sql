-- The board keeps a missed term in sight until someone acts (kz.shagym.complaint.BoardRows): an applicant's term that
-- was marked MISSED while its rung still waits for the filing counts in next_last_day (so the case stays at the top,
-- its days negative) and sets applicant_missed; authority_silent is what the board flags as "authority silent" (an
-- authority's or the State's lapsed term, or a silence recorded on an open rung), kept here so that it can be filtered
-- by an index range instead of per row. case_seq is the case number's running number without its leading zeros
-- (SHG-2026-000123: 123), what someone typing part of a number usually types, so that it is found through an index.
alter table board_case add column applicant_missed boolean default false not null;
alter table board_case add column case_seq varchar(40) default '' not null;
alter table board_case add column authority_silent boolean default false not null;
create index board_case_missed_idx on board_case(applicant_missed, next_last_day, case_number);
create index board_case_silent_idx on board_case(authority_silent, next_last_day, case_number);
create index board_case_number_idx on board_case(case_number);
create index board_case_seq_idx on board_case(case_seq);

update board_case b set
    case_seq = regexp_replace(b.case_number, '^.*-0*', ''),
    next_last_day = (select min(d.last_day) from deadline d
                     where d.complaint_id = b.complaint_id and d.superseded_by is null
                       and (d.status = 'OPEN'
                            or (d.status = 'MISSED' and d.owed_by = 'APPLICANT'
                                and exists (select 1 from rung_track t where t.id = d.track_id and t.closed_at is null
                                              and t.step in ('AWAITING_FILING', 'AWAITING_SUBMISSION'))))),
    applicant_missed = exists (select 1 from deadline d join rung_track t on t.id = d.track_id
                               where d.complaint_id = b.complaint_id and d.superseded_by is null and d.status = 'MISSED'
                                 and d.owed_by = 'APPLICANT' and t.closed_at is null
                                 and t.step in ('AWAITING_FILING', 'AWAITING_SUBMISSION')),
    authority_silent = b.authority_missed
        or exists (select 1 from rung_track t join complaint_event e
                       on e.complaint_id = t.complaint_id and e.type = 'AUTHORITY_SILENT' and e.rung = t.rung
                   where t.complaint_id = b.complaint_id and t.closed_at is null);

update board_case_rung r set next_last_day = (select b.next_last_day from board_case b where b.complaint_id = r.complaint_id);
