-- Issue 9 items 1 and 2 (R16): what the timeliness figures need that the read model (V22) lacked, written by
-- enquiry.CaseRecord in the same transaction as the engine step, like the rest of the row.
-- Portable SQL: H2 (embedded default) and PostgreSQL (production).

-- Time to allocate: when triage was done (receipt to triage, in working days); the team (officers' group).
alter table enquiry add column triaged_at timestamp with time zone;
alter table enquiry add column officer_group varchar(255);
-- R5, R7 with R9: the working days the clock had stood still when the first response (full or holding) and
-- the full response went. clock_stopped_working_days keeps growing with later questions, which must not
-- make an earlier late response look on time.
alter table enquiry add column stopped_days_at_response integer;
alter table enquiry add column stopped_days_at_full_response integer;
-- R8: the step an agreed alternative deadline replaced (enquiry.Step: RESPOND, FULL_RESPONSE,
-- REVISED_FULL_RESPONSE), so the report knows which answer it was owed for.
alter table enquiry add column agreed_for_step varchar(30);
-- R3, R9: how many questions were asked of the Member, and how many the Member answered.
alter table enquiry add column questions_asked integer not null default 0;
alter table enquiry add column replies_received integer not null default 0;
-- R10: to whom Member Support referred a breach it could not resolve (executive director, monitoring
-- officer, chief financial officer).
alter table breach add column referred_to varchar(100);

-- The report selects by receipt time.
create index enquiry_received on enquiry (received_at);

-- Rows made before this migration: what the product's own tables already say. Their triage time is not
-- known here (it is in the engine's history only) and stays null: they count as not triaged in the
-- time-to-allocate figures.
update enquiry set officer_group = department || '-officers' where process_instance_id is not null;
update enquiry set questions_asked = (select count(*) from communication c
    where c.process_instance_id = enquiry.process_instance_id and c.kind = 'QUESTION_TO_MEMBER'),
  replies_received = (select count(*) from communication c
    where c.process_instance_id = enquiry.process_instance_id and c.kind = 'MEMBER_REPLY')
  where process_instance_id is not null;
update enquiry set stopped_days_at_response = clock_stopped_working_days
  where holding_response_sent_at is not null or full_response_sent_at is not null;
update enquiry set stopped_days_at_full_response = clock_stopped_working_days where full_response_sent_at is not null;
