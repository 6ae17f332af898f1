-- Why and when an appointment last changed status (a cancellation's reason, a hold's reason), and the Idempotency-Key
-- of each call that booked, rescheduled or cancelled: per caller and key, a fingerprint of the request (method, path and
-- body) and the appointment it answered, so the same call again gets the same answer and another call with the key is
-- refused.
alter table dock_appointment add column status_reason varchar(500);
alter table dock_appointment add column status_changed_at timestamptz;

create table idempotency_record (
    id             varchar(300) primary key,
    fingerprint    varchar(64)  not null,
    appointment_id uuid         not null,
    created        boolean      not null,
    created_at     timestamptz  not null
);

-- The sequence of the appointment's last event (AppointmentBooked is 1), for the CloudEvents sequence extension.
alter table dock_appointment add column event_sequence bigint not null default 1;
