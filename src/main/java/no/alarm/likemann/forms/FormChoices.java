package no.alarm.likemann.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.security.Roles;

import org.springframework.stereotype.Component;

/**
 * The choices of a form that come from the register: a select whose custom property {@value #PROPERTY} names
 * {@value #MUNICIPALITIES} or {@value #REGIONS} is deployed with no values of its own, and gets the register's as the
 * form is fetched (start forms get no variables in Camunda 7, so {@code valuesKey} cannot fill them). A municipality
 * or region the administrator adds is offered on the next form anyone opens, on a journey of any model version.
 *
 * <p>A person is offered what they may choose: a counsellor their own municipality, a region's people their regions'
 * municipalities, the administrator all (the same rules the delegates hold the choice to: {@link Roles}). A disabled
 * select only shows what was chosen, so it gets every entry, for its label. Plain Java: tested without the engine.
 */
@Component
public class FormChoices {

  /** The select's custom property (Camunda Modeler: "Custom properties") that names the register list. */
  public static final String PROPERTY = "choicesFrom";
  public static final String MUNICIPALITIES = "municipalities";
  public static final String REGIONS = "regions";
  /** The earlier referrals of participants who may come back, for "henvist før" on the referral form. */
  public static final String RETURNING_PARTICIPANTS = "returningParticipants";

  private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter.ofPattern("MM.yyyy");
  private static final java.util.Map<String, String> GENDERS = java.util.Map.of("female", "kvinne", "male", "mann",
      "other", "annet");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] MARK = ("\"" + PROPERTY + "\"").getBytes(StandardCharsets.UTF_8);

  private final MunicipalityRegistry register;
  private final no.alarm.likemann.referral.ReturningParticipants referrals;

  public FormChoices(MunicipalityRegistry register, no.alarm.likemann.referral.ReturningParticipants referrals) {
    this.register = register;
    this.referrals = referrals;
  }

  /**
   * The form (form-js JSON) as this person is shown it; unchanged when it takes no choices from the register. No
   * groups (null) is the engine's own work, with no person: every entry.
   */
  public byte[] fill(byte[] form, List<String> groups, List<String> tenants) {
    if (!contains(form, MARK)) {
      return form;
    }
    List<String> g = groups == null ? List.of() : groups;
    List<String> t = tenants == null ? List.of() : tenants;
    boolean administrator = groups == null || Roles.isAdministrator(g);
    Predicate<Municipality> mayChoose = m -> !Roles.isCounsellorOutside(g, m.code())
        && (administrator || t.contains(m.region()));
    try {
      JsonNode root = JSON.readTree(form);
      fill(root.path("components"), mayChoose, region -> administrator || t.contains(region));
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("A deployed form is not valid JSON", e);
    }
  }

  private void fill(JsonNode components, Predicate<Municipality> mayChoose, Predicate<String> mayChooseRegion) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        fill(c.path("components"), mayChoose, mayChooseRegion);
      }
      String list = c.path("properties").path(PROPERTY).asText(null);
      if (list == null || !(c instanceof ObjectNode component)) {
        continue;
      }
      boolean shown = c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false);
      ArrayNode values = JSON.createArrayNode();
      switch (list) {
        case MUNICIPALITIES -> register.all().values().stream().filter(m -> shown || mayChoose.test(m))
            .forEach(m -> values.addObject().put("label", m.name()).put("value", m.code()));
        case REGIONS -> register.regions().entrySet().stream()
            .filter(r -> shown || mayChooseRegion.test(r.getKey()))
            .forEach(r -> values.addObject().put("label", r.getValue()).put("value", r.getKey()));
        case RETURNING_PARTICIPANTS -> returning(shown, mayChoose).forEach(k -> values.addObject()
            .put("label", k.reference() + " · " + GENDERS.getOrDefault(k.gender(), k.gender()) + ", " + k.age()
                + " år · henvist " + MONTH.format(k.receivedOn()))
            .put("value", k.reference()));
        default -> throw new IllegalStateException("A form takes its choices from an unknown list: " + list);
      }
      component.set("values", values);
    }
  }

  /**
   * The earlier referrals this person may choose from, each a case shown (the read log notes it); a disabled select
   * shows only what was chosen and lists none (its label is the reference itself).
   */
  private List<no.alarm.likemann.referral.ReferralRegistry.Known> returning(boolean shown,
                                                                        Predicate<Municipality> mayChoose) {
    if (shown) {
      return List.of();
    }
    var known = referrals.returning(register.all().values().stream().filter(mayChoose).map(Municipality::code)
        .toList());
    known.forEach(k -> no.alarm.likemann.readlog.RequestReads.add(k.reference(), "referral form: referred before"));
    return known;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
