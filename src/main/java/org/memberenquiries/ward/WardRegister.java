package org.memberenquiries.ward;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.memberenquiries.member.Members;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which ward or division (R14's "local Members"): table {@code ward_member}, edited by
 * administrators one holding at a time or replaced whole from a CSV file ({@link #importCsv}). Only
 * Members (users in the {@code members} group) may hold a ward.
 */
@Service
public class WardRegister {

  /** One Member holding one ward or division. */
  public record Holding(String ward, String memberId) {}

  static final int MAX_WARD_LENGTH = 200;
  static final int MAX_ROWS = 10_000;
  /** At most this many problems are listed: enough to fix a file, not a second copy of it. */
  static final int MAX_PROBLEMS = 20;

  private final JdbcClient jdbc;
  private final Members members;

  public WardRegister(JdbcClient jdbc, Members members) {
    this.jdbc = jdbc;
    this.members = members;
  }

  public List<Holding> all() {
    return jdbc.sql("select ward, member_id from ward_member order by ward, member_id")
        .query((rs, n) -> new Holding(rs.getString("ward"), rs.getString("member_id"))).list();
  }

  /** Every ward or division in the register, by name. */
  public List<String> wards() {
    return jdbc.sql("select distinct ward from ward_member order by ward").query(String.class).list();
  }

  public List<String> wardsOf(String memberId) {
    return jdbc.sql("select ward from ward_member where member_id = ? order by ward").param(memberId)
        .query(String.class).list();
  }

  /** The holdings of these wards, by ward then Member. */
  public List<Holding> holdersOf(Collection<String> wards) {
    if (wards.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select ward, member_id from ward_member where ward in (:wards) order by ward, member_id")
        .param("wards", wards)
        .query((rs, n) -> new Holding(rs.getString("ward"), rs.getString("member_id"))).list();
  }

  @Transactional
  public void add(String ward, String memberId) {
    List<String> problems = new ArrayList<>();
    Holding holding = check("", ward, memberId, memberIds(), problems);
    if (holding == null) {
      throw new InvalidRegisterException(problems.stream().map(WardRegister::capitalised).toList());
    }
    jdbc.sql("delete from ward_member where ward = ? and member_id = ?").params(holding.ward(), holding.memberId()).update();
    jdbc.sql("insert into ward_member (ward, member_id) values (?, ?)").params(holding.ward(), holding.memberId()).update();
  }

  /** Returns whether the holding was there. */
  @Transactional
  public boolean remove(String ward, String memberId) {
    return jdbc.sql("delete from ward_member where ward = ? and member_id = ?")
        .params(ward == null ? "" : ward.strip(), memberId == null ? "" : memberId.strip()).update() == 1;
  }

  /**
   * Replaces the whole register with a CSV file: a header {@code ward,member}, then one holding a line
   * (quotes around a name with a comma, as spreadsheets write it). All or nothing: any bad line and the
   * register stays as it was, with every problem listed by line number.
   */
  @Transactional
  public int importCsv(String csv) {
    List<Holding> holdings = parse(csv);
    jdbc.sql("delete from ward_member").update();
    for (Holding holding : holdings) {
      jdbc.sql("insert into ward_member (ward, member_id) values (?, ?)").params(holding.ward(), holding.memberId()).update();
    }
    return holdings.size();
  }

  List<Holding> parse(String csv) {
    List<String> problems = new ArrayList<>();
    if (csv == null || csv.isBlank()) {
      throw new InvalidRegisterException(List.of("The file is empty: the first line must be the header 'ward,member'"));
    }
    String[] lines = csv.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    if (lines.length > MAX_ROWS + 2) {
      throw new InvalidRegisterException(List.of("The file has " + lines.length + " lines; at most " + MAX_ROWS
          + " holdings can be imported at once"));
    }
    List<String> header = fields(lines[0].replace("\uFEFF", ""));
    if (header == null || header.size() != 2 || !header.get(0).strip().equalsIgnoreCase("ward")
        || !header.get(1).strip().equalsIgnoreCase("member")) {
      throw new InvalidRegisterException(List.of("Line 1: the header must be 'ward,member'"));
    }
    Set<String> known = memberIds();
    Set<Holding> holdings = new LinkedHashSet<>();
    for (int i = 1; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> fields = fields(lines[i]);
      if (fields == null) {
        problems.add("Line " + (i + 1) + ": a quote is not closed");
      } else if (fields.size() != 2) {
        problems.add("Line " + (i + 1) + ": expected 2 columns (ward, member), found " + fields.size());
      } else {
        Holding holding = check("Line " + (i + 1) + ": ", fields.get(0), fields.get(1), known, problems);
        if (holding != null) {
          holdings.add(holding);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRegisterException(problems);
    }
    return List.copyOf(holdings);
  }

  private Holding check(String at, String ward, String memberId, Set<String> known, List<String> problems) {
    String w = ward == null ? "" : ward.strip();
    String m = memberId == null ? "" : memberId.strip();
    int before = problems.size();
    if (w.isEmpty()) {
      problems.add(at + "the ward is empty");
    } else if (w.length() > MAX_WARD_LENGTH) {
      problems.add(at + "the ward's name is longer than " + MAX_WARD_LENGTH + " characters");
    } else if (w.chars().anyMatch(Character::isISOControl)) {
      problems.add(at + "the ward's name contains a control character");
    }
    if (m.isEmpty()) {
      problems.add(at + "the member is empty");
    } else if (!known.contains(m)) {
      problems.add(at + "'" + shortened(m) + "' is not a Member's user id");
    }
    return problems.size() == before ? new Holding(w, m) : null;
  }

  private Set<String> memberIds() {
    return members.all().stream().map(User::getId).collect(Collectors.toSet());
  }

  /** A CSV line's fields (RFC 4180 quotes: "a, b" and "" inside quotes); null if a quote is not closed. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }

  private static String shortened(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "..." : value;
  }

  private static String capitalised(String value) {
    return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
  }
}
