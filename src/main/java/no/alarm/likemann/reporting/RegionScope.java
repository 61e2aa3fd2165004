package no.alarm.likemann.reporting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The regions a figure counts: every region (the administrator), or the reader's own. As SQL, each of the project's
 * tables restricted to those regions, under its own name, so that a report's queries read the same either way.
 * Region codes are the engine's tenant ids (letters and digits only), checked before they are written into SQL.
 */
public record RegionScope(List<String> regions) {

  public static final RegionScope ALL = new RegionScope(null);

  /** How each table belongs to a region. */
  private static final String IN_REGIONS = "region IN (%s)";
  private static final String OF_REFERRALS = "referral_reference IN (SELECT reference FROM referral"
      + " WHERE municipality_code IN (SELECT code FROM municipality WHERE region IN (%s)))";
  private static final String OF_COUPLINGS = "coupling_id IN (SELECT c.id FROM coupling c JOIN referral r"
      + " ON r.reference = c.referral_reference JOIN municipality m ON m.code = r.municipality_code"
      + " WHERE m.region IN (%s))";
  private static final String OF_MENTORS = "mentor_id IN (SELECT id FROM mentor WHERE region IN (%s))";
  private static final Map<String, String> BELONGS = Map.ofEntries(
      Map.entry("referral", "municipality_code IN (SELECT code FROM municipality WHERE region IN (%s))"),
      Map.entry("coupling", OF_REFERRALS),
      Map.entry("journey_meeting", "reference IN (SELECT reference FROM referral"
          + " WHERE municipality_code IN (SELECT code FROM municipality WHERE region IN (%s)))"),
      Map.entry("inpatient_stay", "reference IN (SELECT reference FROM referral"
          + " WHERE municipality_code IN (SELECT code FROM municipality WHERE region IN (%s)))"),
      Map.entry("agreement_deviation", "reference IN (SELECT reference FROM referral"
          + " WHERE municipality_code IN (SELECT code FROM municipality WHERE region IN (%s)))"),
      Map.entry("evaluation_answer", OF_REFERRALS),
      Map.entry("contact_week", OF_COUPLINGS),
      Map.entry("weekly_contact_log", OF_COUPLINGS),
      Map.entry("contact_log", OF_COUPLINGS),
      Map.entry("mentor", IN_REGIONS),
      Map.entry("mentor_candidate", OF_MENTORS),
      Map.entry("mentor_coordinator_week", OF_MENTORS),
      Map.entry("work_participant", OF_MENTORS),
      Map.entry("monthly_mentor_report", IN_REGIONS),
      Map.entry("monthly_region_report", IN_REGIONS),
      Map.entry("working_group_month", IN_REGIONS));

  public RegionScope {
    if (regions != null) {
      regions = List.copyOf(regions);
      for (String region : regions) {
        if (!region.matches("[A-Za-z0-9]+")) {
          throw new IllegalArgumentException("Not a region code: " + region);
        }
      }
    }
  }

  public static RegionScope of(Collection<String> regions) {
    return new RegionScope(List.copyOf(regions));
  }

  public boolean isAll() {
    return regions == null;
  }

  /** The table as the scope sees it: itself, or only its rows of the scope's regions, under its own name. */
  public String table(String name) {
    return table(name, name);
  }

  /** The table as the scope sees it, under the alias the query uses. */
  public String table(String name, String alias) {
    String belongs = BELONGS.get(name);
    if (regions == null) {
      return name.equals(alias) ? name : name + " " + alias;
    }
    if (belongs == null) {
      throw new IllegalArgumentException("No region rule for table " + name);
    }
    String codes = regions.isEmpty() ? "NULL"
        : regions.stream().map(r -> "'" + r + "'").collect(Collectors.joining(", "));
    return "(SELECT * FROM " + name + " WHERE " + belongs.formatted(codes) + ") " + alias;
  }
}
