-- The TA1 a partner sent for an outbound interchange (A accepted, E accepted with errors, R rejected).
alter table edi_file add column interchange_ack varchar(1);
