package no.alarm.likemann.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What one municipality's monthly report says: its own participants only, by referral reference (never names),
 * the region's mentors at mentor level (report received, totals, mileage and expenses), and the coordinator's plan,
 * partners, mileage and expenses.
 */
public record MunicipalityMonthlyReport(
    String municipalityName,
    String regionName,
    YearMonth month,
    List<Participant> participants,
    List<MentorTotals> mentors,
    Coordinator coordinator,
    String nextMonthPlan,
    String partnersInvolved,
    LocalDate produced) {

  /** One participant's month; {@code minutesOutsideHours} of the {@code minutes} fell outside ordinary hours. */
  public record Participant(String reference, String mentorReference, int contacts, int reached, int minutes,
                            int minutesOutsideHours, String status, String goals) {}

  /** A mentor's month in the region; {@code km}, {@code kr} are null when the report was not received. */
  public record MentorTotals(String mentorReference, String mentorName, boolean received, int participants,
                             int contacts, int minutes, Integer km, Integer kr, String expensesFor) {}

  public record Coordinator(int km, int kr, String expensesFor) {}

  public int totalKm() {
    return coordinator.km() + mentors.stream().mapToInt(m -> m.km() == null ? 0 : m.km()).sum();
  }

  public int totalKr() {
    return coordinator.kr() + mentors.stream().mapToInt(m -> m.kr() == null ? 0 : m.kr()).sum();
  }
}
