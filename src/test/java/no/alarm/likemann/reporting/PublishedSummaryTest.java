package no.alarm.likemann.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import no.alarm.likemann.reporting.SmallNumbers.Figure;

import org.junit.jupiter.api.Test;

/** The plan's goals as Cockpit shows them: over the participants in the service, per municipality, small hidden. */
class PublishedSummaryTest {

  static Map<String, Integer> map(Object... keysAndValues) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
    }
    return m;
  }

  /** 40 referrals, of them 20 followed by a mentor: Skien 12 (7 with IP, 12 with Brukerplan), Siljan 8 (2, 3). */
  static ServiceSummary.Summary summary() {
    return new ServiceSummary.Summary(40, 38, 10, 3, map("Skien", 25, "Siljan", 15), map("female", 20, "male", 20),
        map("18-30", 20, "31-50", 20), map("OPEN", 10, "CLOSED", 30), map("goalsReached", 30), 0.45, 0.75, 9, 15, 12,
        map("ACTIVE", 8), 2, 0, 0, map(), new ServiceSummary.DropOut(20, 2, 0, 0.1),
        new ServiceSummary.Contacts(0, 0, 0, map(), 0, 0, 0, 0), new ServiceSummary.WeeklyLogs(0, 0, 0),
        new TimeToMentor(20, 10, 5, 0, 0), Map.of(), Map.of(), 20, map("Siljan", 8, "Skien", 12),
        map("Siljan", 2, "Skien", 7), map("Siljan", 3, "Skien", 12));
  }

  @Test
  void theSharesAreOverTheParticipantsInTheServiceNotEveryReferral() {
    var published = PublishedSummary.of(summary(), new SmallNumbers(5));
    assertThat(published.participantsInService().value()).isEqualTo(20);
    // 9 of the 20 followed by a mentor, where 9 of 40 referrals would have read 23 %
    assertThat(published.individualPlanShare()).isEqualTo(new Figure(0.45));
    assertThat(published.brukerplanShare()).isEqualTo(new Figure(0.75));
  }

  @Test
  void aMunicipalitysShareIsHiddenWhenItWouldGiveASmallCountAway() {
    var published = PublishedSummary.of(summary(), new SmallNumbers(5));
    assertThat(published.participantsInServiceByMunicipality().cell("Skien").value()).isEqualTo(12);
    // Skien: 7 of 12 with IP (5 without) is shown; all 12 with Brukerplan (0 without) is shown
    assertThat(published.plansByMunicipality().get("Skien").individualPlanShare()).isEqualTo(new Figure(0.583));
    assertThat(published.plansByMunicipality().get("Skien").brukerplanShare()).isEqualTo(new Figure(1.0));
    // Siljan: 2 of 8 with IP, 3 of 8 with Brukerplan: small counts, hidden
    assertThat(published.plansByMunicipality().get("Siljan").individualPlanShare().shown()).isFalse();
    assertThat(published.plansByMunicipality().get("Siljan").brukerplanShare().shown()).isFalse();
  }
}
