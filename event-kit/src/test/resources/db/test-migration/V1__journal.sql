-- A test aggregate whose state depends on the order its events are applied in: each event appends its text.
create table journal (
    subject varchar(200) primary key,
    content text         not null
);
