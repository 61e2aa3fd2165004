package no.alarm.likemann.region;

import java.util.ArrayList;
import java.util.List;

import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.springframework.stereotype.Component;

/**
 * The administrator adds a municipality to the service, in a region of the register or a new one (process
 * {@value #PROCESS_KEY}, form {@value #START}): the register gets the rows, the engine the region's tenant and the
 * municipality's group of counsellors ({@link Access}). From then on the forms offer it, the reports count it, and
 * the timers report for a new region. Nothing about a person is involved.
 */
@Component
public class AddMunicipality implements FormRules {

  public static final String PROCESS_KEY = "addMunicipality";
  public static final String START = "newMunicipalityEntered";
  public static final String REGISTER = "registerMunicipality";
  public static final String REGISTERED = "municipalityRegistered";

  /** The form's fields. */
  public static final String MUNICIPALITY_NAME = "municipalityName";
  public static final String REGION = "region";
  public static final String NEW_REGION_NAME = "newRegionName";
  /** What the process keeps: the new municipality's code (also its business key). */
  public static final String MUNICIPALITY_CODE = "municipalityCode";

  /** Where a new municipality and region get their engine access; the engine's identity service in the application. */
  public interface Access {
    void ensureTenant(String region, String name);

    void ensureMunicipalityAccess(Municipality municipality);
  }

  private final MunicipalityRegistry register;

  public AddMunicipality(MunicipalityRegistry register) {
    this.register = register;
  }

  /** The form's own rules (also checked before the start): names of letters, one region, existing or new. */
  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    if (!START.equals(formId)) {
      return;
    }
    name(in.string(MUNICIPALITY_NAME), MUNICIPALITY_NAME, "Kommunens navn", out);
    String region = in.string(REGION);
    String newRegion = in.string(NEW_REGION_NAME);
    boolean chosen = region != null && !region.isBlank();
    boolean named = newRegion != null && !newRegion.isBlank();
    if (chosen && named) {
      out.add(new Violation(NEW_REGION_NAME, "Velg en region eller skriv navnet på en ny, ikke begge.",
          "give either region or newRegionName, not both"));
    } else if (!chosen && !named) {
      out.add(new Violation(REGION, "Velg regionen kommunen hører til, eller skriv navnet på en ny region.",
          "region or newRegionName is required"));
    } else if (chosen && !register.regions().containsKey(region)) {
      out.add(new Violation(REGION, "Regionen «" + region + "» finnes ikke i tjenesten.",
          "region is not a region of the service"));
    } else if (named) {
      name(newRegion, NEW_REGION_NAME, "Navnet på den nye regionen", out);
    }
  }

  private static void name(String value, String field, String label, List<Violation> out) {
    if (value == null || value.isBlank()) {
      return; // the form's own "required" says so
    }
    String name = value.strip();
    if (!AreaCodes.NAME.matcher(name).matches()) {
      out.add(new Violation(field, label + " kan bare ha bokstaver, tall, mellomrom og bindestrek, og må begynne"
          + " med en bokstav.", field + " must be letters, digits, spaces and hyphens, starting with a letter"));
    } else if (AreaCodes.municipality(name).length() > AreaCodes.MAX_CODE) {
      out.add(new Violation(field, label + " er for langt.", field + " is too long for a code"));
    }
  }

  /**
   * Adds the municipality (and its new region), or refuses with every reason, adding nothing: a name already in the
   * register, under any case, is refused rather than made twice.
   */
  public Municipality add(String municipalityName, String region, String newRegionName, String addedBy,
                          Access access) {
    List<Violation> refused = new ArrayList<>();
    check(START, FormInput.of(java.util.Map.of(
        MUNICIPALITY_NAME, municipalityName == null ? "" : municipalityName,
        REGION, region == null ? "" : region,
        NEW_REGION_NAME, newRegionName == null ? "" : newRegionName)), refused);
    if (municipalityName == null || municipalityName.isBlank()) {
      refused.add(new Violation(MUNICIPALITY_NAME, "Skriv kommunens navn.", "municipalityName is required"));
    }
    if (!refused.isEmpty()) {
      throw new InvalidFormInputException(START, refused);
    }
    String name = municipalityName.strip();
    String code = AreaCodes.municipality(name);
    if (register.municipalityTaken(code, name)) {
      refused.add(new Violation(MUNICIPALITY_NAME, "Kommunen «" + name + "» er allerede med i tjenesten.",
          "the municipality is already in the register"));
    }
    String regionCode = region == null || region.isBlank() ? null : region.strip();
    String regionName = null;
    if (regionCode == null) {
      regionName = newRegionName.strip();
      regionCode = AreaCodes.region(regionName);
      if (register.regionTaken(regionCode, regionName)) {
        refused.add(new Violation(NEW_REGION_NAME, "Regionen «" + regionName + "» finnes allerede: velg den i listen.",
            "the region is already in the register"));
      }
    }
    if (!refused.isEmpty()) {
      throw new InvalidFormInputException(START, refused);
    }
    if (regionName != null) {
      register.addRegion(regionCode, regionName, addedBy);
      access.ensureTenant(regionCode, regionName);
    }
    Municipality added = new Municipality(code, name, regionCode);
    register.addMunicipality(added, addedBy);
    access.ensureMunicipalityAccess(added);
    return added;
  }
}
