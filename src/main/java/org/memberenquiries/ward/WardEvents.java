package org.memberenquiries.ward;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.memberenquiries.calendar.WorkingCalendar;
import org.memberenquiries.engine.EngineClock;
import org.memberenquiries.security.Caller;
import org.memberenquiries.web.ConflictException;
import org.memberenquiries.web.InvalidFieldException;
import org.memberenquiries.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ward and division events (R14): officers record them, with a reason to withhold where one applies; the
 * notice to the local Members is due at the start of the working day {@code lead-working-days} working
 * days before the event's day (R0), and {@link WardEventNotices} sends it then.
 */
@Service
public class WardEvents {

  static final int LISTED = 200;

  private final JdbcClient jdbc;
  private final WardRegister register;
  private final WorkingCalendar calendar;
  private final WardEventProperties properties;
  private final EngineClock clock;

  public WardEvents(JdbcClient jdbc, WardRegister register, WorkingCalendar calendar, WardEventProperties properties,
      EngineClock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  /** When the local Members are told of an event on this day: the start of the lead-time working day before it. */
  public Instant noticeDueAt(LocalDate startsOn) {
    return calendar.nthWorkingDayBefore(startsOn, properties.leadWorkingDays()).atStartOfDay(calendar.zone()).toInstant();
  }

  @Transactional
  public WardEvent record(Caller officer, NewWardEvent event) {
    Instant now = clock.now();
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    if (event.startsOn().isBefore(today)) {
      throw new InvalidFieldException("startsOn", "R14: 'startsOn' is in the past; Members are told of events beforehand");
    }
    if (event.startsOn().getYear() > WorkingCalendar.LAST_YEAR) {
      throw new InvalidFieldException("startsOn", "'startsOn' must lie in " + WorkingCalendar.coveredYears());
    }
    List<String> wards = new ArrayList<>(new LinkedHashSet<>(event.wards().stream().map(String::strip).toList()));
    Set<String> known = new HashSet<>(register.wards());
    List<String> unknown = wards.stream().filter(ward -> !known.contains(ward)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidFieldException("wards", "'wards' names wards or divisions no Member holds in the register: "
          + String.join(", ", unknown.stream().map(w -> w.length() > 60 ? w.substring(0, 60) + "..." : w).toList()));
    }
    boolean withheld = event.withheldBasis() != null;
    boolean reasoned = event.withheldReason() != null && !event.withheldReason().isBlank();
    if (withheld != reasoned) {
      throw new InvalidFieldException(withheld ? "withheldReason" : "withheldBasis",
          "R14: to withhold an event from its Members give both 'withheldBasis' and 'withheldReason'");
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into ward_event (kind, title, description, starts_on, recorded_by, recorded_at, notify_at,"
            + " withheld_basis, withheld_reason, withheld_by, withheld_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(event.kind().name(), event.title().strip(), event.description().strip(),
            java.sql.Date.valueOf(event.startsOn()), officer.id(), Timestamp.from(now),
            Timestamp.from(noticeDueAt(event.startsOn())), withheld ? event.withheldBasis().name() : null,
            withheld ? event.withheldReason().strip() : null, withheld ? officer.id() : null,
            withheld ? Timestamp.from(now) : null)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (String ward : wards) {
      jdbc.sql("insert into ward_event_ward (event_id, ward) values (?, ?)").params(id, ward).update();
    }
    return find(id).orElseThrow();
  }

  /** R14: withholds an event not yet told; 409 once its Members have been told. */
  @Transactional
  public WardEvent withhold(Caller officer, long id, Withholding withholding) {
    Instant now = clock.now();
    int changed = jdbc.sql("update ward_event set withheld_basis = ?, withheld_reason = ?, withheld_by = ?,"
            + " withheld_at = ? where id = ? and notified_at is null and withheld_basis is null")
        .params(withholding.basis().name(), withholding.reason().strip(), officer.id(), Timestamp.from(now), id)
        .update();
    WardEvent event = find(id).orElseThrow(() -> new NotFoundException("No ward event " + WardEvent.reference(id)));
    if (changed == 0) {
      throw new ConflictException(event.withheld() ? "The event is already withheld"
          : "R14: the event's Members were told on " + event.notifiedAt() + "; it can no longer be withheld");
    }
    return event;
  }

  public Optional<WardEvent> find(long id) {
    return jdbc.sql("select * from ward_event where id = ?").param(id).query(this::map).optional()
        .map(event -> withWards(List.of(event)).get(0));
  }

  /** The newest events first, withheld ones included (for officers and the monitoring officer). */
  public List<WardEvent> recent() {
    return withWards(jdbc.sql("select * from ward_event order by starts_on desc, id desc limit ?").param(LISTED)
        .query(this::map).list());
  }

  /** R14: what a Member sees: events in their wards they have been told of (never a withheld one), soonest first. */
  public List<WardEvent> toldTo(String memberId) {
    LocalDate today = clock.now().atZone(calendar.zone()).toLocalDate();
    return withWards(jdbc.sql("select * from ward_event e where e.notified_at is not null and e.withheld_basis is null"
            + " and e.starts_on >= ? and exists (select 1 from ward_event_ward w join ward_member m on m.ward = w.ward"
            + " where w.event_id = e.id and m.member_id = ?) order by e.starts_on, e.id limit ?")
        .params(java.sql.Date.valueOf(today), memberId, LISTED).query(this::map).list());
  }

  /** Who was told of an event: Member id to whether by email too. */
  public Map<String, Boolean> told(long id) {
    return jdbc.sql("select member_id, outbox_id from ward_event_notice where event_id = ? order by member_id").param(id)
        .query((rs, n) -> Map.entry(rs.getString("member_id"), rs.getObject("outbox_id") != null)).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** Parses "WE-000042" (or "42"); empty for anything else. */
  public static Optional<Long> id(String reference) {
    String digits = reference != null && reference.startsWith(WardEvent.PREFIX)
        ? reference.substring(WardEvent.PREFIX.length()) : reference;
    if (digits == null || digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }

  private List<WardEvent> withWards(List<WardEvent> events) {
    if (events.isEmpty()) {
      return events;
    }
    Map<Long, List<String>> wards = jdbc.sql("select event_id, ward from ward_event_ward where event_id in (:ids)"
            + " order by ward").param("ids", events.stream().map(WardEvent::id).toList())
        .query((rs, n) -> Map.entry(rs.getLong("event_id"), rs.getString("ward"))).list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return events.stream().map(e -> new WardEvent(e.id(), e.kind(), e.title(), e.description(), e.startsOn(),
        wards.getOrDefault(e.id(), List.of()), e.recordedBy(), e.recordedAt(), e.notifyAt(), e.withheldBasis(),
        e.withheldReason(), e.withheldBy(), e.withheldAt(), e.notifiedAt())).toList();
  }

  private WardEvent map(ResultSet rs, int n) throws SQLException {
    String basis = rs.getString("withheld_basis");
    return new WardEvent(rs.getLong("id"), EventKind.valueOf(rs.getString("kind")), rs.getString("title"),
        rs.getString("description"), rs.getObject("starts_on", LocalDate.class), List.of(), rs.getString("recorded_by"),
        instant(rs, "recorded_at"), instant(rs, "notify_at"), basis == null ? null : WithholdingBasis.valueOf(basis),
        rs.getString("withheld_reason"), rs.getString("withheld_by"), instant(rs, "withheld_at"),
        instant(rs, "notified_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
