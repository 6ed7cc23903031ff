-- Issue 11 item 3: the nightly removal of closed cases past retention (retention.ClosedCases).
-- One node at a time: each batch locks this row (as engine.Seeding locks 'seeding').
insert into seeding_lock (name) values ('retention');
-- It picks the cases closed longest ago, and deletes their mail by reference as well as by process instance.
create index enquiry_closed_at on enquiry (closed_at);
create index mail_outbox_reference on mail_outbox (reference);
create index ward_event_starts_on on ward_event (starts_on);

-- enquiry.LateDeadlines reads to whom a breach was referred (R10) from breach.referred_to (V24) instead of
-- searching the engine's history for it by variable value, a search that grew with every escalation and ran
-- in every breach job (issue 11, deadline burst). Breaches referred before V24 get it from that history
-- once: the escalation that recorded the breach (breachId), its referee, and the Member not satisfied.
update breach set referred_to = (
    select max(r.TEXT_) from ACT_HI_VARINST b
      join ACT_HI_VARINST r on r.PROC_INST_ID_ = b.PROC_INST_ID_ and r.NAME_ = 'referee'
      join ACT_HI_VARINST s on s.PROC_INST_ID_ = b.PROC_INST_ID_ and s.NAME_ = 'memberSatisfied'
    where b.NAME_ = 'breachId' and b.LONG_ = breach.id and s.LONG_ = 0 and r.TEXT_ is not null)
  where referred_to is null and escalated = true;
