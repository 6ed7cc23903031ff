-- Issue 8 item 4: the read model of each case, on the product's own enquiry row. What the Member and
-- staff see (state, the deadlines owed, the officer and department, when things were sent) is written
-- by enquiry.CaseRecord in the same transaction as the engine step that changes it, so lists, the staff
-- search and every page are plain, paged SQL instead of rebuilding each case from the engine's history.
-- Rows made before this migration have state null; enquiry.CaseRecordBackfill fills them from the
-- engine's history once, at start-up (the engine's variables are Camunda-serialised, so that is done
-- in Java, not here). Portable SQL: H2 (embedded default) and PostgreSQL (production).

-- What the Member asked (R3 capacity, R13 purpose); the text too, for the staff's free-text search.
-- Texts without a length, like the engine's own variables (V6): the API bounds them, but a case logged
-- through the engine's API or Tasklist is not refused here for a longer text.
alter table enquiry add column subject varchar;
alter table enquiry add column enquiry_text varchar;
-- The subject and the text in lower case, for the free-text search (no lower() per row when searching).
alter table enquiry add column search_text varchar;
alter table enquiry add column member_name varchar;
alter table enquiry add column capacity varchar(40);
alter table enquiry add column ward varchar;
alter table enquiry add column purpose varchar;
alter table enquiry add column received_at timestamp with time zone;

-- Where it stands (enquiry.EnquiryState) and how it ended (enquiry.Outcome; R1, R2: where it went).
alter table enquiry add column state varchar(30);
alter table enquiry add column outcome varchar(30);
alter table enquiry add column referred_to varchar;
-- R15, R16: the officer who last sent something to the Member in their name.
alter table enquiry add column officer_id varchar(255);

-- R4-R9: the deadlines owed, as the deadline code last set them (standard, revised, agreed, moved).
alter table enquiry add column acknowledge_by timestamp with time zone;
alter table enquiry add column respond_by timestamp with time zone;
alter table enquiry add column full_response_by timestamp with time zone;
alter table enquiry add column revised_full_response_by timestamp with time zone;
alter table enquiry add column agreed_deadline_by timestamp with time zone;
alter table enquiry add column clock_stopped_working_days integer;
alter table enquiry add column timescales_apply boolean;
-- R3, R9: the open question (its text is in the communication log).
alter table enquiry add column question_asked_at timestamp with time zone;
alter table enquiry add column reply_due_by timestamp with time zone;
alter table enquiry add column capacity_question boolean;

-- When things were sent to the Member (R4-R7), and when the case closed (R1, R2, R5, R7, R9).
alter table enquiry add column acknowledged_at timestamp with time zone;
alter table enquiry add column holding_response_sent_at timestamp with time zone;
alter table enquiry add column full_response_sent_at timestamp with time zone;
alter table enquiry add column closed_at timestamp with time zone;
alter table enquiry add column updated_at timestamp with time zone;

-- The Members' list (member_id is indexed by V3) and the staff search: by department and state,
-- newest first; by who logged it.
create index enquiry_submitted_by on enquiry (submitted_by);
create index enquiry_department_state on enquiry (department, state, submitted_at);
create index enquiry_department_submitted on enquiry (department, submitted_at);
create index enquiry_state on enquiry (state, submitted_at);
