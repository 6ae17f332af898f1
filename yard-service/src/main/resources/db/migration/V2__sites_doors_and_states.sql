-- Sites and their booking rules as data (one JSON document per site: time zone, opening hours, closed days, slot grid,
-- docks with their doors and load types, notice, cut-off), and appointments held per door: a booking names a dock and
-- takes a free door of it. The exclusion constraint moves from the dock to the door and covers every status that holds
-- the door (requested, scheduled, arrived, in progress), so concurrent bookings still cannot double-book a door.
create table yard_site (
    code       varchar(32)  primary key,
    rules      text         not null,
    updated_at timestamptz  not null,
    updated_by varchar(100) not null,
    version    bigint       not null default 0
);

alter table dock_appointment add column door varchar(16);
alter table dock_appointment add column load_type varchar(32);
-- Before doors, a dock was one door, and BOOKED is what the states now call SCHEDULED.
update dock_appointment set door = dock;
update dock_appointment set status = 'SCHEDULED' where status = 'BOOKED';
alter table dock_appointment alter column door set not null;

alter table dock_appointment drop constraint ex_appointment_dock_overlap;
alter table dock_appointment add constraint ex_appointment_door_overlap exclude using gist (
    site with =, door with =, tstzrange(slot_start, slot_end, '[)') with &&
) where (status in ('REQUESTED', 'SCHEDULED', 'ARRIVED', 'IN_PROGRESS'));
