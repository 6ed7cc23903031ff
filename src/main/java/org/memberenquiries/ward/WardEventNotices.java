package org.memberenquiries.ward;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.mail.MailOutbox;
import org.memberenquiries.mail.MailPreferences;
import org.memberenquiries.member.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the local Members of each ward event whose notice is due (R14), on any node, exactly once.
 * Each due event is taken in its own transaction by one conditional update ({@code notified_at} set where
 * it is still empty, the event not withheld); only the node whose update changed the row goes on, and in
 * the same transaction writes a notice row per Member (primary key: event and Member) and, for a Member
 * who wants email, the message to the mail outbox, which {@code mail.MemberMailSender} sends after
 * commit. So a crash or an error before commit leaves the event due and nothing written; after commit
 * the notices exist exactly once, whichever node ran.
 *
 * <p>The Members told are those holding one of the event's wards in the register when the notice is due
 * (a Member who joins a ward later sees the event on their page).
 */
@Service
public class WardEventNotices {

  private static final Logger LOG = LoggerFactory.getLogger(WardEventNotices.class);

  private final JdbcClient jdbc;
  private final WardEvents events;
  private final WardRegister register;
  private final Members members;
  private final MailPreferences preferences;
  private final MailOutbox outbox;
  private final WardEventMessages messages;
  private final EngineClock clock;
  private final TransactionTemplate ownTransaction;

  public WardEventNotices(JdbcClient jdbc, WardEvents events, WardRegister register, Members members,
      MailPreferences preferences, MailOutbox outbox, WardEventMessages messages, EngineClock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.events = events;
    this.register = register;
    this.members = members;
    this.preferences = preferences;
    this.outbox = outbox;
    this.messages = messages;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Tells the Members of every event due now; returns how many events this call told. */
  public int tellDue() {
    Instant now = clock.now();
    List<Long> due = ownTransaction.execute(status -> jdbc.sql("select id from ward_event where notified_at is null"
            + " and withheld_basis is null and notify_at <= ? order by notify_at, id")
        .param(Timestamp.from(now)).query(Long.class).list());
    int told = 0;
    for (long id : due) {
      try {
        if (Boolean.TRUE.equals(ownTransaction.execute(status -> tell(id, now)))) {
          told++;
        }
      } catch (RuntimeException e) {
        // rolled back: the event stays due and is tried again at the next run
        LOG.error("Ward event {} not told to its Members; will try again", WardEvent.reference(id), e);
      }
    }
    return told;
  }

  private boolean tell(long id, Instant now) {
    if (jdbc.sql("update ward_event set notified_at = ? where id = ? and notified_at is null"
            + " and withheld_basis is null and notify_at <= ?")
        .params(Timestamp.from(now), id, Timestamp.from(now)).update() != 1) {
      return false; // another node told it, or it was withheld meanwhile
    }
    WardEvent event = events.find(id).orElseThrow();
    Map<String, String> wardOf = new LinkedHashMap<>();
    for (WardRegister.Holding holding : register.holdersOf(event.wards())) {
      wardOf.putIfAbsent(holding.memberId(), holding.ward());
    }
    wardOf.forEach((memberId, ward) -> members.find(memberId).ifPresent(member -> {
      Long mailId = wantsEmail(member) ? outbox.addRendered(event.reference(), CommunicationKind.WARD_EVENT_NOTICE, now,
          member.getId(), member.getEmail().strip(), messages.render(event, member, ward)) : null;
      jdbc.sql("insert into ward_event_notice (event_id, member_id, ward, outbox_id, told_at) values (?, ?, ?, ?, ?)")
          .params(id, member.getId(), ward, mailId, Timestamp.from(now)).update();
    }));
    LOG.info("Ward event {} told to {} Member(s)", event.reference(), wardOf.size());
    return true;
  }

  private boolean wantsEmail(User member) {
    return member.getEmail() != null && !member.getEmail().isBlank() && preferences.wantsEmail(member.getId());
  }
}
