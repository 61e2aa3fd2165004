package no.alarm.likemann.navgrant;

import java.sql.Date;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import no.alarm.likemann.calendar.OsloCalendar;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The register of NAV mentor grants ({@code nav_grant}, {@code nav_grant_refund}) and the months the refunds are
 * claimed for: every month of the agreement, from the month it begins to the month it ends, each claimed once.
 */
@Component("navGrants")
public class NavGrants {

  private static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("nb"));

  /** One grant as its tasks show it. */
  public record Grant(long id, long mentorId, String mentorName, LocalDate appliedFrom, LocalDate appliedTo,
      int positionPercent, int amountApplied, String decision, LocalDate grantedFrom, LocalDate grantedTo,
      Integer amountGranted, int monthsClaimed, int amountClaimed) {}

  private final JdbcTemplate jdbc;

  public NavGrants(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The business key of a grant's process. */
  public static String reference(long id) {
    return String.format("MT-%04d", id);
  }

  /** Whether the mentor has another grant applied for or granted whose period meets this one. */
  public boolean overlaps(long mentorId, LocalDate from, LocalDate to) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM nav_grant WHERE mentor_id = ? AND (decision IS NULL"
        + " AND applied_from <= ? AND applied_to >= ? OR decision = 'granted' AND granted_from <= ? AND granted_to >= ?"
        + " AND (ended_reason IS NULL OR ended_reason <> 'mentorLeft'))", Integer.class, mentorId, Date.valueOf(to),
        Date.valueOf(from), Date.valueOf(to), Date.valueOf(from));
    return n != null && n > 0;
  }

  public long applied(long mentorId, String processInstanceId, LocalDate on, LocalDate from, LocalDate to,
      int percent, int amount, String note) {
    var key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var insert = con.prepareStatement("INSERT INTO nav_grant (mentor_id, process_instance_id, applied_on,"
          + " applied_from, applied_to, position_percent, amount_applied, application_note)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setLong(1, mentorId);
      insert.setString(2, processInstanceId);
      insert.setDate(3, Date.valueOf(on));
      insert.setDate(4, Date.valueOf(from));
      insert.setDate(5, Date.valueOf(to));
      insert.setInt(6, percent);
      insert.setInt(7, amount);
      insert.setString(8, note);
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  public void decided(long id, String decision, LocalDate on, LocalDate from, LocalDate to, Integer amount,
      String navReference, String note) {
    boolean granted = NavMentorGrant.GRANTED.equals(decision);
    jdbc.update("UPDATE nav_grant SET decision = ?, decided_on = ?, granted_from = ?, granted_to = ?,"
        + " amount_granted = ?, nav_reference = ?, decision_note = ? WHERE id = ?", decision, Date.valueOf(on),
        granted ? Date.valueOf(from) : null, granted ? Date.valueOf(to) : null, granted ? amount : null, navReference,
        note, id);
  }

  /** The month's refund, once: a retry of the same month changes the amount, never adds a second row. */
  public void refundClaimed(long id, YearMonth month, int amount, LocalDate on) {
    try {
      jdbc.update("INSERT INTO nav_grant_refund (grant_id, refund_month, amount_kr, claimed_on) VALUES (?, ?, ?, ?)",
          id, Date.valueOf(month.atDay(1)), amount, Date.valueOf(on));
    } catch (DuplicateKeyException e) {
      jdbc.update("UPDATE nav_grant_refund SET amount_kr = ?, claimed_on = ? WHERE grant_id = ? AND refund_month = ?",
          amount, Date.valueOf(on), id, Date.valueOf(month.atDay(1)));
    }
  }

  public void ended(long id, String reason) {
    jdbc.update("UPDATE nav_grant SET ended_reason = ? WHERE id = ? AND ended_reason IS NULL", reason, id);
  }

  public void reported(long id, LocalDate on, String note) {
    jdbc.update("UPDATE nav_grant SET reported_on = ?, report_note = ? WHERE id = ?", Date.valueOf(on), note, id);
  }

  public Optional<Grant> find(long id) {
    return jdbc.query("""
        SELECT g.id, g.mentor_id, m.display_name, g.applied_from, g.applied_to, g.position_percent, g.amount_applied,
               g.decision, g.granted_from, g.granted_to, g.amount_granted,
               (SELECT COUNT(*) FROM nav_grant_refund r WHERE r.grant_id = g.id) AS months,
               (SELECT COALESCE(SUM(r.amount_kr), 0) FROM nav_grant_refund r WHERE r.grant_id = g.id) AS claimed
        FROM nav_grant g JOIN mentor m ON m.id = g.mentor_id WHERE g.id = ?""", (rs, i) -> new Grant(
        rs.getLong("id"), rs.getLong("mentor_id"), rs.getString("display_name"),
        rs.getDate("applied_from").toLocalDate(), rs.getDate("applied_to").toLocalDate(), rs.getInt("position_percent"),
        rs.getInt("amount_applied"), rs.getString("decision"), date(rs.getDate("granted_from")),
        date(rs.getDate("granted_to")), (Integer) rs.getObject("amount_granted", Integer.class), rs.getInt("months"),
        rs.getInt("claimed")), id).stream().findFirst();
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  /** When a month's refund can be claimed: on the first day after it, at 07:00 (Oslo). */
  public static java.util.Date claimableAt(YearMonth month) {
    return java.util.Date.from(month.plusMonths(1).atDay(1).atTime(7, 0).atZone(OsloCalendar.OSLO).toInstant());
  }

  /** Whether a month is past the agreement's last month: nothing more to claim. */
  public static boolean after(YearMonth month, LocalDate grantedTo) {
    return month.isAfter(YearMonth.from(grantedTo));
  }

  public static String monthLabel(YearMonth month) {
    return MONTH.format(month.atDay(1));
  }

  /** The grant in words, for its tasks. */
  public static String text(Grant g) {
    NumberFormat kr = NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb"));
    String text = "Mentortilskudd for " + g.mentorName() + " (LM-" + String.format("%04d", g.mentorId()) + "), "
        + g.positionPercent() + " % stilling. Søkt " + kr.format(g.amountApplied()) + " kr i måneden for "
        + NORWEGIAN.format(g.appliedFrom()) + "–" + NORWEGIAN.format(g.appliedTo()) + ".";
    if (NavMentorGrant.GRANTED.equals(g.decision())) {
      text += " Innvilget " + kr.format(g.amountGranted()) + " kr i måneden for " + NORWEGIAN.format(g.grantedFrom())
          + "–" + NORWEGIAN.format(g.grantedTo()) + ". Refusjon søkt for " + g.monthsClaimed()
          + (g.monthsClaimed() == 1 ? " måned (" : " måneder (") + kr.format(g.amountClaimed()) + " kr).";
    } else if (NavMentorGrant.REFUSED.equals(g.decision())) {
      text += " Avslått.";
    }
    return text;
  }
}
