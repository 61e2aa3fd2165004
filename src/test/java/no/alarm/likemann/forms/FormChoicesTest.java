package no.alarm.likemann.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.junit.jupiter.api.Test;

/** The register's choices in the real forms, as each person is offered them. */
class FormChoicesTest {

  static final MunicipalityRegistry REGISTER = new MunicipalityRegistry(null, null) {
    @Override
    public Map<String, Municipality> all() {
      Map<String, Municipality> all = new LinkedHashMap<>();
      all.put("bamble", new Municipality("bamble", "Bamble", "grenland"));
      all.put("skien", new Municipality("skien", "Skien", "grenland"));
      all.put("stavanger", new Municipality("stavanger", "Stavanger", "sorRogaland"));
      all.put("tonsberg", new Municipality("tonsberg", "Tønsberg", "vestfold"));
      return all;
    }

    @Override
    public Map<String, String> regions() {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("grenland", "Grenland");
      all.put("sorRogaland", "Sør-Rogaland");
      all.put("vestfold", "Vestfold");
      return all;
    }
  };

  /** Earlier referrals of participants who may come back: one in Skien, one in Stavanger. */
  static final no.alarm.likemann.referral.ReturningParticipants RETURNING = municipalities -> java.util.stream.Stream.of(
      new no.alarm.likemann.referral.ReferralRegistry.Known("HEN-2025-00007", 3, "skien", "male", 34,
          java.time.LocalDate.of(2025, 3, 14), false),
      new no.alarm.likemann.referral.ReferralRegistry.Known("HEN-2025-00009", 4, "stavanger", "female", 41,
          java.time.LocalDate.of(2025, 5, 2), false))
      .filter(k -> municipalities.contains(k.municipality())).toList();

  final FormChoices choices = new FormChoices(REGISTER, RETURNING);

  static byte[] form(String id) throws Exception {
    return Files.readAllBytes(Path.of("forms", id + ".form"));
  }

  static List<String> offered(byte[] form, String key) throws Exception {
    return no.alarm.likemann.support.OfferedChoices.of(form, key);
  }

  @Test
  void shouldOfferACounsellorOnlyTheirOwnMunicipalityOnTheReferral() throws Exception {
    byte[] filled = choices.fill(form("referralReceived"), List.of("counsellor", "counsellorSkien"),
        List.of("grenland"));

    assertThat(offered(filled, "municipality")).containsExactly("skien=Skien");
  }

  @Test
  void shouldOfferACounsellorTheEarlierReferralsOfTheirOwnMunicipalityOnly() throws Exception {
    byte[] filled = choices.fill(form("referralReceived"), List.of("counsellor", "counsellorSkien"),
        List.of("grenland"));

    // the reference, gender, age and the month of the referral: what the counsellor recognises, no health detail
    assertThat(offered(filled, "earlierReference")).containsExactly("HEN-2025-00007=HEN-2025-00007 · mann, 34 år ·"
        + " henvist 03.2025");
    assertThat(offered(choices.fill(form("referralReceived"), List.of("coordinator"), List.of("sorRogaland")),
        "earlierReference")).containsExactly("HEN-2025-00009=HEN-2025-00009 · kvinne, 41 år · henvist 05.2025");
  }

  @Test
  void shouldOfferARegionsPeopleTheirRegionsMunicipalities() throws Exception {
    byte[] filled = choices.fill(form("candidateRegistered"), List.of("adviser"), List.of("grenland", "vestfold"));

    assertThat(offered(filled, "municipality")).containsExactly("bamble=Bamble", "skien=Skien", "tonsberg=Tønsberg");
  }

  @Test
  void shouldOfferTheAdministratorAndTheEnginesOwnWorkEverything() throws Exception {
    assertThat(offered(choices.fill(form("referralReceived"), List.of("admin"), List.of()), "municipality"))
        .hasSize(4);
    assertThat(offered(choices.fill(form("referralReceived"), null, null), "municipality")).hasSize(4);
    assertThat(offered(choices.fill(form("newMunicipalityEntered"), List.of("admin"), List.of()), "region"))
        .containsExactly("grenland=Grenland", "sorRogaland=Sør-Rogaland", "vestfold=Vestfold");
  }

  @Test
  void shouldOfferSomeoneOfNoRegionNothingToChoose() throws Exception {
    assertThat(offered(choices.fill(form("referralReceived"), List.of("mentor"), List.of()), "municipality"))
        .isEmpty();
  }

  @Test
  void shouldLabelAShownChoiceWhateverTheRegion() throws Exception {
    // assessReferral shows the referral's municipality (disabled): every entry, so that its name is there
    byte[] filled = choices.fill(form("assessReferral"), List.of("coordinator"), List.of("grenland"));

    assertThat(offered(filled, "municipality")).contains("stavanger=Stavanger", "skien=Skien");
  }

  @Test
  void shouldLeaveAFormWithoutRegisterChoicesAsItIs() throws Exception {
    byte[] weekly = form("logWeeklyContacts");

    assertThat(choices.fill(weekly, List.of("mentor"), List.of("grenland"))).isSameAs(weekly);
    assertThat(new String(choices.fill(form("assessReferral"), List.of("coordinator"), List.of("grenland")),
        StandardCharsets.UTF_8)).contains("\"choicesFrom\":\"municipalities\"");
  }
}
