package no.alarm.likemann.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;


import no.alarm.likemann.journey.ParticipantJourney;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.region.AddMunicipality;
import no.alarm.likemann.region.AreaCodes;
import no.alarm.likemann.security.Roles;
import no.alarm.likemann.support.Referrals;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Municipalities and regions are data the administrator enters (process "Legg til kommune"): once added, the forms
 * offer the municipality to the people who may choose it, its counsellors refer into its region, and a new region's
 * people see its cases (nested in the H2 and PostgreSQL test classes).
 */
abstract class AbstractServiceAreaTests extends ApplicationTestSupport {

  static final String START_FORM = "/process-definition/key/" + ParticipantJourney.PROCESS_KEY + "/deployed-start-form";

  @Autowired MunicipalityRegistry register;

  /** A name no other run has used: letters only, as municipalities' names are. */
  static String unique(String prefix) {
    StringBuilder s = new StringBuilder(prefix);
    for (int i = 0; i < 6; i++) {
      s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }

  ResponseEntity<String> add(String user, String name, String region, String newRegion) {
    StringBuilder vars = new StringBuilder("{\"municipalityName\":{\"value\":\"" + name + "\"}");
    if (region != null) {
      vars.append(",\"region\":{\"value\":\"").append(region).append("\"}");
    }
    if (newRegion != null) {
      vars.append(",\"newRegionName\":{\"value\":\"").append(newRegion).append("\"}");
    }
    return rest.withBasicAuth(user, password(user)).postForEntity("/engine-rest/process-definition/key/"
        + AddMunicipality.PROCESS_KEY + "/submit-form", json("{\"variables\":" + vars + "}}"), String.class);
  }

  /** The municipalities a select of the form offers, as value=label. */
  static List<String> offered(String form, String key) throws Exception {
    return no.alarm.likemann.support.OfferedChoices.of(form, key);
  }

  @Test
  void theAdministratorAddsAMunicipalityAndItsCounsellorsReferIntoItsRegionAtOnce() throws Exception {
    String name = unique("Prøvekommune ");
    String code = AreaCodes.municipality(name);

    ResponseEntity<String> added = add("admin", name, "grenland", null);

    assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(register.find(code)).hasValueSatisfying(m -> assertThat(m.region()).isEqualTo("grenland"));
    assertThat(identity.createGroupQuery().groupId(Roles.counsellorsOf(code)).singleResult().getName())
        .isEqualTo("Ruskonsulenter i " + name);
    assertThat(identity.createTenantQuery().tenantId("grenland").groupMember(Roles.counsellorsOf(code)).count())
        .isEqualTo(1);

    // a counsellor of the new municipality (in no region but through its group) is offered it, and only it
    String counsellor = "rk" + code.substring(code.length() - 6);
    if (identity.createUserQuery().userId(counsellor).count() == 0) {
      var user = identity.newUser(counsellor);
      user.setPassword(counsellor);
      ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
      identity.createMembership(counsellor, Roles.COUNSELLOR);
      identity.createMembership(counsellor, Roles.counsellorsOf(code));
    }
    ResponseEntity<String> form = rest.withBasicAuth(counsellor, counsellor).getForEntity("/engine-rest" + START_FORM,
        String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(offered(form.getBody(), "municipality")).containsExactly(code + "=" + name);
    // Tasklist fetches the same form through its session API
    assertThat(offered(Webapp.logIn(rest.getRootUri(), counsellor).get("/camunda/api/engine/engine/default"
        + START_FORM).body(), "municipality")).containsExactly(code + "=" + name);

    // the counsellor refers a participant of the new municipality: the journey is Grenland's
    Map<String, Object> referral = Referrals.valid();
    referral.put(ParticipantJourney.Var.MUNICIPALITY, code);
    as(counsellor);
    var pi = forms.submitStartForm(latest(ParticipantJourney.PROCESS_KEY), referral);
    logOut();
    try {
      assertThat(pi.getTenantId()).isEqualTo("grenland");
    } finally {
      endJourneys(pi);
    }
    // Grenland's coordinator is offered it with Grenland's own; Sør-Rogaland's is not
    assertThat(offered(rest.withBasicAuth("koordinator", "koordinator").getForObject("/engine-rest" + START_FORM,
        String.class), "municipality")).contains(code + "=" + name, "skien=Skien").doesNotContain("stavanger=Stavanger");
    assertThat(offered(rest.withBasicAuth("koordinatorsr", "koordinatorsr").getForObject("/engine-rest" + START_FORM,
        String.class), "municipality")).contains("stavanger=Stavanger").doesNotContain(code + "=" + name);
  }

  @Test
  void aNewRegionGetsItsTenantAndItsPeopleSeeOnlyItsMunicipalities() throws Exception {
    String name = unique("Nykommune ");
    String region = unique("Nyregion ");
    String regionCode = AreaCodes.region(region);

    ResponseEntity<String> added = add("admin", name, null, region);

    assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(identity.createTenantQuery().tenantId(regionCode).singleResult().getName()).isEqualTo(region);
    assertThat(register.regionName(regionCode)).isEqualTo(region);
    ensureUserIn(regionCode, "koordinator" + regionCode.substring(regionCode.length() - 6).toLowerCase(),
        Roles.COORDINATOR);
    String coordinator = "koordinator" + regionCode.substring(regionCode.length() - 6).toLowerCase();
    assertThat(offered(rest.withBasicAuth(coordinator, coordinator).getForObject("/engine-rest" + START_FORM,
        String.class), "municipality")).containsExactly(AreaCodes.municipality(name) + "=" + name);
    // the onboarding's start form too: the new region's own municipality only
    assertThat(offered(rest.withBasicAuth(coordinator, coordinator).getForObject(
        "/engine-rest/process-definition/key/mentorOnboarding/deployed-start-form", String.class), "municipality"))
        .containsExactly(AreaCodes.municipality(name) + "=" + name);
  }

  @Test
  void nobodyButTheAdministratorAddsAndATakenNameIsRefusedInNorwegian() throws Exception {
    int before = register.all().size();
    for (String user : List.of("koordinator", "prosjektleder", "ruskonsulent", "likemann", "styringsgruppe")) {
      ResponseEntity<String> answer = add(user, unique("Ulovlig "), "grenland", null);
      // the process is not theirs to see (404) or to start (403)
      assertThat(answer.getStatusCode()).as(user + ": " + answer.getBody()).isIn(HttpStatus.FORBIDDEN,
          HttpStatus.NOT_FOUND);
    }
    ResponseEntity<String> taken = add("admin", "Skien", "grenland", null);
    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(taken.getBody()).contains("Kommunen «Skien» er allerede med i tjenesten");
    ResponseEntity<String> regionTaken = add("admin", unique("Kommune "), null, "Agder");
    assertThat(regionTaken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(regionTaken.getBody()).contains("finnes allerede: velg den i listen");
    assertThat(register.all()).hasSize(before);
  }
}
