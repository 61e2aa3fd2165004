package no.alarm.likemann.it;

import static no.alarm.likemann.journey.ParticipantJourney.Var.EARLIER_REFERENCE;
import static no.alarm.likemann.journey.ParticipantJourney.Var.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.support.Referrals;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A participant who comes back is the same person (issue 13): the counsellor recognises them among their
 * municipality's earlier referrals on the referral form, and the reports count journeys and distinct participants
 * (nested in the H2 and PostgreSQL test classes).
 */
abstract class AbstractPersonTests extends ApplicationTestSupport {

  static final String START_FORM = "/engine-rest/process-definition/key/" + ParticipantJourney.PROCESS_KEY
      + "/deployed-start-form";
  static final String SUBMIT = "/engine-rest/process-definition/key/" + ParticipantJourney.PROCESS_KEY
      + "/submit-form";

  @Autowired no.alarm.likemann.reporting.ServiceSummary summary;

  Long personOf(String reference) {
    return jdbc.queryForObject("SELECT person_id FROM referral WHERE reference = ?", Long.class, reference);
  }

  int referralRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM referral", Integer.class);
  }

  List<String> offeredEarlier(String user) throws Exception {
    ResponseEntity<String> form = rest.withBasicAuth(user, password(user)).getForEntity(START_FORM, String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    return no.alarm.likemann.support.OfferedChoices.of(form.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        EARLIER_REFERENCE);
  }

  @Test
  void aParticipantWhoComesBackIsTheSamePersonAndCountedOnce() throws Exception {
    ProcessInstance first = referByCounsellor();
    endJourneys(first);
    String earlier = first.getBusinessKey();
    var before = summary.now();

    // the counsellor finds the ended journey among the municipality's earlier referrals, by reference, gender, age
    List<String> offered = offeredEarlier("ruskonsulent");
    assertThat(offered).anySatisfy(o -> assertThat(o).startsWith(earlier + "=" + earlier + " · "));
    assertThat(String.join("\n", offered)).doesNotContain("Alkohol", "Komme i jobb");
    // and showing them is a read of each of those cases
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_read WHERE reference = ? AND read_by = 'ruskonsulent'"
        + " AND what = 'referral form: referred before'", Integer.class, earlier)).isPositive();

    Map<String, Object> again = new HashMap<>(Referrals.valid());
    again.put(EARLIER_REFERENCE, earlier);
    ResponseEntity<String> started = rest.withBasicAuth("ruskonsulent", password("ruskonsulent"))
        .postForEntity(SUBMIT, json(AbstractFormFuzzTests.body(again)), String.class);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String reference = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.getBody())
        .path("businessKey").asText();
    ProcessInstance second = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ParticipantJourney.PROCESS_KEY).singleResult();
    try {
      assertThat(personOf(reference)).isEqualTo(personOf(earlier));
      // the journey does not carry the other journey's reference
      assertThat(runtime.getVariables(second.getId())).doesNotContainKey(EARLIER_REFERENCE);
      // one more journey, no more participants
      var after = summary.now();
      assertThat(after.referrals()).isEqualTo(before.referrals() + 1);
      assertThat(after.participants()).isEqualTo(before.participants());
      // someone in a journey is not offered again
      assertThat(offeredEarlier("ruskonsulent")).noneMatch(o -> o.startsWith(earlier + "="));
    } finally {
      endJourneys(second);
    }
  }

  @Test
  void onlyAnEndedReferralTheCounsellorMaySeeFromTheSameMunicipalityCanBeChosen() throws Exception {
    ProcessInstance open = referByCounsellor();
    as("koordinatorsr");
    ProcessInstance stavanger = forms.submitStartForm(latestJourney(), Referrals.with(MUNICIPALITY, "stavanger"));
    identity.clearAuthentication();
    endJourneys(stavanger);
    try {
      record Case(String earlier, String norwegian) {}
      for (Case c : List.of(
          new Case(open.getBusinessKey(), "allerede i et forløp"),
          new Case(stavanger.getBusinessKey(), "finnes ikke blant dem du kan velge"),
          new Case("HEN-2019-99999", "Velg den tidligere henvisningen fra listen"),
          new Case("Ola Nordmann", "Velg den tidligere henvisningen fra listen"))) {
        int rows = referralRows();
        Map<String, Object> again = new HashMap<>(Referrals.valid());
        again.put(EARLIER_REFERENCE, c.earlier());
        ResponseEntity<String> refused = rest.withBasicAuth("ruskonsulent", password("ruskonsulent"))
            .postForEntity(SUBMIT, json(AbstractFormFuzzTests.body(again)), String.class);
        assertThat(refused.getStatusCode()).as(c.earlier()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).as(c.earlier()).contains(c.norwegian());
        assertThat(referralRows()).as("nothing registered for " + c.earlier()).isEqualTo(rows);
      }
      // Stavanger's coordinator may choose Stavanger's referral, but not for a referral from Sandnes
      as("koordinatorsr");
      Map<String, Object> sandnes = new HashMap<>(Referrals.with(MUNICIPALITY, "sandnes"));
      sandnes.put(EARLIER_REFERENCE, stavanger.getBusinessKey());
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> forms.submitStartForm(latestJourney(), sandnes))
          .hasMessageContaining("fra en annen kommune");
      identity.clearAuthentication();
    } finally {
      identity.clearAuthentication();
      endJourneys(open);
    }
  }
}
