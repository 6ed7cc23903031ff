-- Issue 9 performance (R16): the timeliness report sums its figures in SQL and reads only the open enquiries
-- (closed_at is null) of the range to list those overdue now; this index finds them without reading the range.
create index enquiry_open_received on enquiry (closed_at, received_at);
