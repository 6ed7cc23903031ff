-- Staff email (issue 10 item 1) and the Member's R10 escalation notices go through the same outbox as
-- every other email (mail_outbox, V10). Each event that mails someone (a new case in a department's
-- queue, a deadline reminder, a breach reaching Member Support or a referee, an escalation step told to
-- the Member) is claimed here once, in the same transaction that writes its outbox rows: two nodes, a
-- retried job or a restarted scan find the key taken and write nothing. Portable SQL: H2 and PostgreSQL.
create table mail_event (
  -- e.g. new-case:<process instance>:<group>, reminder:<process instance>:<due epoch second>,
  -- breach-task:<breach id>:<group>, member-breach:<breach id>:<step>
  event_key           varchar(300) primary key,
  process_instance_id varchar(64),
  reference           varchar(64),
  kind                varchar(40)  not null,
  -- how many outbox rows the event wrote (0: nobody with an address, or the Member reads their pages only)
  recipients          integer      not null,
  recorded_at         timestamp with time zone not null
);
create index mail_event_process_instance on mail_event (process_instance_id);
