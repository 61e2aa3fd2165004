package no.alarm.likemann.reporting.workinggroup;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import no.alarm.likemann.reporting.MonthlyReportPdf;
import no.alarm.likemann.reporting.SmallNumbers;
import no.alarm.likemann.reporting.steering.SteeringFigures.Figures;
import no.alarm.likemann.reporting.steering.SteeringPeriod;
import no.alarm.likemann.reporting.steering.SteeringReportLines.Line;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.AdviserReport;
import no.alarm.likemann.reporting.workinggroup.WorkingGroupMonths.Meeting;

/**
 * The working group's month in words: the previous month's figures, the adviser's report and the minutes, for the
 * forms (Markdown) and the PDF alike. Counts of people go through {@link SmallNumbers}; kilometres and kroner are
 * amounts, shown as the steering group's report shows them. Plain Java: tested without the engine or a database.
 */
public final class WorkingGroupMonthLines {

  private WorkingGroupMonthLines() {}

  /** The previous month's figures the adviser and the working group look at. */
  public static List<Line> figures(Figures f, SmallNumbers n) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("Kjøring meldt i månedsrapportene (km)", Integer.toString(f.mileageKm())));
    lines.add(new Line("Utlegg meldt i månedsrapportene (kr)", Integer.toString(f.expensesKr())));
    Map<String, Integer> status = f.mentorsByStatusNow() == null ? Map.of() : f.mentorsByStatusNow();
    lines.add(new Line("Aktive likemenn (" + SteeringPeriod.day(f.takenOn()) + ")",
        n.count(status.getOrDefault("ACTIVE", 0)).text()));
    lines.add(new Line("  med tilskudd fra NAV", n.count(f.activeMentorsWithNavGrantNow()).text()));
    Map<String, Integer> employed = new LinkedHashMap<>();
    employed.put("withGrant", f.mentorsEmployedWithNavGrant());
    employed.put("withoutGrant", f.mentorsEmployed() - f.mentorsEmployedWithNavGrant());
    SmallNumbers.Table hired = n.table(employed);
    lines.add(new Line("Likemenn ansatt i måneden", hired.total().text()));
    lines.add(new Line("  med tilskudd fra NAV", hired.cell("withGrant").text()));
    lines.add(new Line("Henvisninger mottatt", n.count(f.referrals()).text()));
    lines.add(new Line("Deltakere fulgt opp", n.count(f.participantsFollowedUp()).text()));
    lines.add(new Line("Kontakter logget", n.count(f.contacts()).text()));
    return lines;
  }

  /** "Tall for oktober 2026". */
  public static String figuresTitle(Figures f) {
    return "Tall for " + MonthlyReportPdf.monthName(YearMonth.from(f.from()));
  }

  /** The adviser's report, line by line: what was written, and the amounts in whole kroner. */
  public static List<Line> adviser(AdviserReport r) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("Status", text(r.status())));
    lines.add(new Line("Fremdrift", text(r.progress())));
    lines.add(new Line("Økonomi", text(r.economy())));
    lines.add(new Line("Kostnader i måneden", kroner(r.costsKr())));
    lines.add(new Line("Personal", text(r.personnel())));
    lines.add(new Line("Bilag og utlegg", kroner(r.outlaysKr()) + note(r.outlaysNote())));
    lines.add(new Line("Reisekost", kroner(r.travelCostsKr()) + note(r.travelNote())));
    return lines;
  }

  /** The minutes, line by line; a meeting not held says why. */
  public static List<Line> meeting(Meeting m) {
    List<Line> lines = new ArrayList<>();
    if (!m.held()) {
      lines.add(new Line("Møtet ble ikke holdt", text(m.notHeldReason())));
      return lines;
    }
    lines.add(new Line("Møtet ble holdt", m.date() == null ? "–" : SteeringPeriod.day(m.date())));
    lines.add(new Line("Til stede", attendees(m)));
    if (m.evaluationSummary() != null) {
      lines.add(new Line("Halvårsevalueringen", m.evaluationSummary()));
    }
    lines.add(new Line("Saker drøftet", text(m.casesDiscussed())));
    lines.add(new Line("Vedtak", text(m.decisions())));
    lines.add(new Line("Tiltak satt i gang", text(m.measuresInitiated())));
    lines.add(new Line("Til styringsgruppens saksliste", text(m.steeringAgenda())));
    return lines;
  }

  /** The parties who came, in the plan's order; never a name. */
  static String attendees(Meeting m) {
    String came = WorkingGroupMonth.PARTIES.entrySet().stream().filter(p -> m.attendees().contains(p.getKey()))
        .map(Map.Entry::getValue).collect(Collectors.joining(", "));
    return came.isEmpty() ? "–" : came;
  }

  /** Lines as a Markdown list, for a form's text field. */
  public static String markdown(List<Line> lines) {
    StringBuilder md = new StringBuilder();
    for (Line l : lines) {
      md.append(l.label().startsWith("  ") ? "  - " : "- ").append(l.label().strip()).append(": **")
          .append(l.value().replace("\n", " ")).append("**\n");
    }
    return md.toString();
  }

  static String kroner(Integer kr) {
    return kr == null ? "–" : String.format(java.util.Locale.forLanguageTag("nb-NO"), "%,d kr", kr)
        .replace('\u00a0', ' ');
  }

  private static String note(String s) {
    return s == null || s.isBlank() ? "" : " (" + s.strip() + ")";
  }

  private static String text(String s) {
    return no.alarm.likemann.reporting.PdfParts.text(s);
  }

  static String day(LocalDate d) {
    return SteeringPeriod.day(d);
  }
}
