-- When the appointment's truck arrived (its visit's gate-in), also when that was after the appointment was marked a
-- no-show or was cancelled: a late arrival is recorded against its appointment, not lost.
alter table dock_appointment add column arrived_at timestamptz;
