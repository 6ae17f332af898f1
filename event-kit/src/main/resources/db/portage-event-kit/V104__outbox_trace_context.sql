-- The W3C trace context of the transaction that staged an event (its traceparent and tracestate), so the relay's
-- publish span, and through the record's traceparent header every consumer's span, continue the same trace.
alter table outbox_event add column trace_parent varchar(55);
alter table outbox_event add column trace_state varchar(512);
