-- Issue 11 item 3: the nightly removal of closed cases past retention (retention.ClosedCases).
-- One node at a time: each batch locks this row (as engine.Seeding locks 'seeding').
insert into seeding_lock (name) values ('retention');
-- It picks the cases closed longest ago, and deletes their mail by reference as well as by process instance.
create index enquiry_closed_at on enquiry (closed_at);
create index mail_outbox_reference on mail_outbox (reference);
create index ward_event_starts_on on ward_event (starts_on);
