-- The engine's outbox: Spring Modulith's event publication registry. What a ledger change asks of the engine (start
-- a complaint's ladder, re-plan it, deliver a recorded act) is written here in the change's own transaction and
-- deleted once the engine took it; a row still here after a failed delivery or a crash is delivered again
-- (kz.shagym.escalation.EngineCommandDelivery). Columns as the registry's own schema for H2 and PostgreSQL.
create table event_publication (
    id               uuid                     not null primary key,
    listener_id      varchar(512)             not null,
    event_type       varchar(512)             not null,
    serialized_event varchar(4000)            not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_by_listener_and_event_idx on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Which start of a complaint's ladder is its current one. Written before the engine is asked to start an instance,
-- and carried by the instance as a variable: a job of any other instance (one started before a crash could record
-- its key, or one a re-plan replaced) is completed without effect.
alter table complaint add column ladder_run uuid;
