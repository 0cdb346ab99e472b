-- The board's rows, maintained by the ledger in the same transaction as each change (kz.shagym.complaint.BoardRows),
-- so that the board reads one page and a few counters instead of aggregating every open case's deadlines per request.
-- Only open complaints have rows. Everything here can be rebuilt from complaint, deadline and rung_track.

-- One row per open complaint: what the board sorts and filters by. next_last_day is the earliest last day of its
-- open, current deadlines (null: no running clock); authority_missed: an authority or the State let a term pass.
create table board_case (
    complaint_id      uuid primary key references complaint(id),
    case_number       varchar(40)  not null,
    region            varchar(100) not null,
    lawyer            varchar(100) not null,
    stage             varchar(40)  not null,
    next_last_day     date,
    authority_missed  boolean      not null
);
-- Most urgent first (nulls last on both databases: H2 runs with DEFAULT_NULL_ORDERING=HIGH), whole board or one filter.
create index board_case_urgency_idx on board_case(next_last_day, case_number);
create index board_case_region_idx on board_case(region, next_last_day, case_number);
create index board_case_lawyer_idx on board_case(lawyer, next_last_day, case_number);

-- One row per open rung of an open complaint (two during a challenge), with the sort and filter columns copied from
-- board_case so that a board filtered by rung is one index range too.
create table board_case_rung (
    complaint_id   uuid         not null references complaint(id),
    rung           varchar(40)  not null,
    region         varchar(100) not null,
    lawyer         varchar(100) not null,
    next_last_day  date,
    case_number    varchar(40)  not null,
    primary key (complaint_id, rung)
);
create index board_case_rung_urgency_idx on board_case_rung(rung, next_last_day, case_number);
create index board_case_rung_lawyer_idx on board_case_rung(lawyer, rung, next_last_day, case_number);

-- How many open complaints stand in each (region, lawyer) and on each rung there; rung '*' counts the complaints
-- themselves. The counts per rung, the totals and the filter lists of any board are sums over these few rows.
create table board_count (
    region  varchar(100) not null,
    lawyer  varchar(100) not null,
    rung    varchar(40)  not null,
    cases   integer      not null,
    primary key (region, lawyer, rung)
);

insert into board_case (complaint_id, case_number, region, lawyer, stage, next_last_day, authority_missed)
select c.id, c.case_number, c.region, c.lawyer, c.stage,
       (select min(d.last_day) from deadline d
        where d.complaint_id = c.id and d.status = 'OPEN' and d.superseded_by is null),
       exists (select 1 from deadline d
               where d.complaint_id = c.id and d.status = 'MISSED' and d.owed_by in ('AUTHORITY', 'STATE')
                 and d.superseded_by is null)
from complaint c
where c.status = 'OPEN';

insert into board_case_rung (complaint_id, rung, region, lawyer, next_last_day, case_number)
select distinct t.complaint_id, t.rung, b.region, b.lawyer, b.next_last_day, b.case_number
from rung_track t join board_case b on b.complaint_id = t.complaint_id
where t.closed_at is null;

insert into board_count (region, lawyer, rung, cases)
select region, lawyer, '*', count(*) from board_case group by region, lawyer;
insert into board_count (region, lawyer, rung, cases)
select region, lawyer, rung, count(*) from board_case_rung group by region, lawyer, rung;
