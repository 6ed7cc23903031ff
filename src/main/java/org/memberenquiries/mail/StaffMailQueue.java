package org.memberenquiries.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.communication.CommunicationKind;
import org.memberenquiries.engine.AsTheEngine;
import org.memberenquiries.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts staff email in the outbox, once per event: who gets it (from Camunda's identity service, the
 * address in each user's record; a user without one is skipped and logged), the message written for each,
 * and the event's claim ({@link MailEvents}) in the caller's transaction, so the mail exists exactly when
 * the step or scan that caused it committed, and never twice. {@link MemberMailSender} sends it.
 */
@Component
public class StaffMailQueue {

  private static final Logger LOG = LoggerFactory.getLogger(StaffMailQueue.class);

  private final IdentityService identity;
  private final AsTheEngine asTheEngine;
  private final MailEvents events;
  private final MailOutbox outbox;
  private final EngineClock clock;

  public StaffMailQueue(IdentityService identity, AsTheEngine asTheEngine, MailEvents events, MailOutbox outbox,
      EngineClock clock) {
    this.identity = identity;
    this.asTheEngine = asTheEngine;
    this.events = events;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Who holds a task: its assignee; if nobody is assigned, its candidate users and the members of its
   * candidate groups. Read as the engine: an officer completing a step may not read other users.
   */
  public List<User> holders(String assignee, Collection<String> candidateGroups, Collection<String> candidateUsers) {
    return asTheEngine.call(() -> {
      Map<String, User> users = new LinkedHashMap<>();
      if (assignee != null) {
        user(assignee, users);
        return withAddress(users.values());
      }
      candidateUsers.forEach(id -> user(id, users));
      for (String group : candidateGroups) {
        identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
            .forEach(user -> users.putIfAbsent(user.getId(), user));
      }
      return withAddress(users.values());
    });
  }

  private void user(String id, Map<String, User> users) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user != null) {
      users.putIfAbsent(id, user);
    }
  }

  private static List<User> withAddress(Collection<User> users) {
    List<User> reachable = new ArrayList<>();
    for (User user : users) {
      if (user.getEmail() == null || user.getEmail().isBlank()) {
        LOG.info("No staff email to {}: no email address in their user record", user.getId());
      } else {
        reachable.add(user);
      }
    }
    return reachable;
  }

  public boolean isQueued(String eventKey) {
    return events.isClaimed(eventKey);
  }

  /** One message per recipient, written in memory (nothing stored yet). */
  public Map<User, RenderedMail> write(List<User> recipients, Function<User, RenderedMail> message) {
    Map<User, RenderedMail> written = new LinkedHashMap<>();
    recipients.forEach(user -> written.put(user, message.apply(user)));
    return written;
  }

  /**
   * Claims the event and queues one message per recipient, in the caller's transaction. Returns false
   * (and stores nothing) if the event was already mailed.
   */
  public boolean queue(String eventKey, String processInstanceId, String reference, CommunicationKind kind,
      Map<User, RenderedMail> written) {
    return queue(eventKey, processInstanceId, reference, kind, null, written);
  }

  /** As above, for mail about a Member's enquiry to them and those they shared it with ({@code ownerId}: the Member). */
  public boolean queue(String eventKey, String processInstanceId, String reference, CommunicationKind kind,
      String ownerId, Map<User, RenderedMail> written) {
    if (!events.claim(eventKey, processInstanceId, reference, kind, written.size(), clock.now())) {
      return false;
    }
    written.forEach((user, mail) -> outbox.addRendered(processInstanceId, reference, kind, clock.now(),
        ownerId != null ? ownerId : user.getId(), user.getId(), user.getEmail().strip(), mail));
    LOG.info("{} for {} queued to {} recipient(s)", kind, reference, written.size());
    return true;
  }
}
