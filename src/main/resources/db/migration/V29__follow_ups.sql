-- Issue 10 item 4 (R5, R10): after the full response the enquiry stays open for follow-ups for a
-- configurable number of working days. Written by enquiry.CaseRecord (the read model's one writer) in
-- the step's transaction. closed_at keeps its meaning (when the enquiry was answered or otherwise
-- ended), so the timeliness figures (R16) count an answered enquiry as closed during the window.
-- Portable SQL: H2 and PostgreSQL.

-- The window: when it ends (the end of the N-th working day after the last answer).
alter table enquiry add column follow_up_window_ends_at timestamp with time zone;
-- R5: follow-ups asked, the last one's time, its own response deadline and when it was answered.
alter table enquiry add column follow_ups_asked integer default 0 not null;
alter table enquiry add column follow_up_asked_at timestamp with time zone;
alter table enquiry add column follow_up_respond_by timestamp with time zone;
alter table enquiry add column follow_up_answered_at timestamp with time zone;
-- R10: the Member said they are not satisfied; Member Support's informal resolution is due by then.
alter table enquiry add column not_satisfied_at timestamp with time zone;
alter table enquiry add column informal_resolution_by timestamp with time zone;
alter table enquiry add column informally_resolved_at timestamp with time zone;
-- When the enquiry closed for good: the window ended, or Member Support dealt with the dissatisfaction.
alter table enquiry add column follow_ups_closed_at timestamp with time zone;
