package no.alarm.likemann.reporting.steering;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import no.alarm.likemann.forms.Violation;

/**
 * The period a report to the steering group covers. Every kind starts on 1 January; a half-year report ends on
 * 30 June and is due then, a results report ends on 31 December and is due by 1 December (plan 000 §15), and so does
 * the evaluation report from the mentors and the counsellors (plan 000 §12, for the working group and the steering
 * group). A report
 * written before its period has ended covers the days until yesterday: the figures of a day are whole only when it
 * is over.
 */
public record SteeringPeriod(Kind kind, int year, LocalDate from, LocalDate to, LocalDate due) {

  /** The first report was given in December 2017 (plan 000 §5). */
  public static final int FIRST_YEAR = 2017;
  /** A report asked for after its due date is due this many days later. */
  public static final int DAYS_TO_WRITE_LATE = 14;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

  public enum Kind {
    HALF_YEAR("halfYear", "Halvårsrapport", 6, 30, 6, 30),
    YEAR_RESULTS("yearResults", "Resultatrapport", 12, 31, 12, 1),
    EVALUATION("evaluation", "Evalueringsrapport fra likemenn og ruskonsulenter", 12, 31, 12, 1);

    private final String key;
    private final String title;
    private final int endMonth;
    private final int endDay;
    private final int dueMonth;
    private final int dueDay;

    Kind(String key, String title, int endMonth, int endDay, int dueMonth, int dueDay) {
      this.key = key;
      this.title = title;
      this.endMonth = endMonth;
      this.endDay = endDay;
      this.dueMonth = dueMonth;
      this.dueDay = dueDay;
    }

    /** The value in the start form, the variable and the table. */
    public String key() {
      return key;
    }

    public String title() {
      return title;
    }

    public static Optional<Kind> of(String key) {
      return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
  }

  /** The period of a kind's report for a year, asked for on {@code today}; the input must pass {@link #check}. */
  public static SteeringPeriod of(String kind, int year, LocalDate today) {
    List<Violation> problems = check(kind, year, today);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).english());
    }
    Kind k = Kind.of(kind).orElseThrow();
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, k.endMonth, k.endDay);
    LocalDate yesterday = today.minusDays(1);
    LocalDate due = LocalDate.of(year, k.dueMonth, k.dueDay);
    return new SteeringPeriod(k, year, from, end.isBefore(yesterday) ? end : yesterday,
        due.isBefore(today) ? today.plusDays(DAYS_TO_WRITE_LATE) : due);
  }

  /** What is wrong with a kind and a year asked for on {@code today}, in Norwegian and in English. */
  public static List<Violation> check(Object kind, Object year, LocalDate today) {
    List<Violation> out = new ArrayList<>();
    if (!(kind instanceof String k) || Kind.of(k).isEmpty()) {
      out.add(new Violation(SteeringReporting.Var.REPORT_KIND,
          "Velg halvårsrapport, resultatrapport eller evalueringsrapport.",
          "reportKind must be halfYear, yearResults or evaluation"));
    }
    if (!(year instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      out.add(new Violation(SteeringReporting.Var.REPORT_YEAR, "Skriv året med fire sifre, for eksempel "
          + today.getYear() + ".", "reportYear must be a whole year"));
    } else if (n.intValue() < FIRST_YEAR || n.intValue() > today.getYear()) {
      out.add(new Violation(SteeringReporting.Var.REPORT_YEAR, "Året må være fra " + FIRST_YEAR + " til "
          + today.getYear() + ".", "reportYear must be between " + FIRST_YEAR + " and this year"));
    } else if (n.intValue() == today.getYear() && today.getDayOfYear() == 1) {
      out.add(new Violation(SteeringReporting.Var.REPORT_YEAR, "Året har ingen hele dager ennå: skriv rapporten fra"
          + " i morgen.", "the year has no whole day yet"));
    }
    return out;
  }

  /** "Resultatrapport 2026 (1.1.2026–31.10.2026)". */
  public String title() {
    return title(kind, year, from, to);
  }

  /** A report's title, wherever it is shown: the form, Tasklist, the PDF and the steering group's list. */
  public static String title(Kind kind, int year, LocalDate from, LocalDate to) {
    return kind.title() + " " + year + " (" + DAY.format(from) + "–" + DAY.format(to) + ")";
  }

  /** Whether the report covers its whole period, or was written before the period ended. */
  public boolean whole() {
    return to.equals(LocalDate.of(year, kind.endMonth, kind.endDay));
  }

  public static String day(LocalDate date) {
    return DAY.format(date);
  }
}
