package no.alarm.likemann.reporting;

import no.alarm.likemann.security.Roles;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * {@code ${monthlyReportLists}} in {@code monthlyReporting}: the multi-instance collections, read from the JSON
 * (Spin) variables the process keeps (a multi-instance needs a Java list; JSON keeps the variables readable and
 * free of Java serialisation). Plain Java, no state.
 */
@Component("monthlyReportLists")
public class MonthlyReportLists {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The region codes of {@code regions}. */
  public List<String> regions(Object regions) {
    List<String> codes = new ArrayList<>();
    read(regions).forEach(n -> codes.add(n.asText()));
    return codes;
  }

  /** The mentor ids of one region in {@code mentorsByRegion}. */
  public List<Long> mentorIds(Object mentorsByRegion, String region) {
    List<Long> ids = new ArrayList<>();
    read(mentorsByRegion).path(region).forEach(n -> ids.add(n.asLong()));
    return ids;
  }

  /** The report ids of {@code deliveries}. */
  public List<Long> reportIds(Object deliveries) {
    List<Long> ids = new ArrayList<>();
    read(deliveries).forEach(n -> ids.add(n.path("reportId").asLong()));
    return ids;
  }

  /** The counsellors of the municipality one delivered report is for: only they get its task. */
  public String counsellors(Object deliveries, Object reportId) {
    for (JsonNode n : read(deliveries)) {
      if (n.path("reportId").asLong() == ((Number) reportId).longValue()) {
        return Roles.counsellorsOf(n.path("municipality").asText());
      }
    }
    throw new IllegalArgumentException("No delivery for report " + reportId);
  }

  /** The municipality's name of one delivered report. */
  public String municipalityName(Object deliveries, Object reportId) {
    for (JsonNode n : read(deliveries)) {
      if (n.path("reportId").asLong() == ((Number) reportId).longValue()) {
        return n.path("municipalityName").asText();
      }
    }
    return "";
  }

  /** A JSON variable as Jackson reads it: Spin's value prints as JSON, so does a plain string. */
  static JsonNode read(Object json) {
    if (json == null) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.readTree(json.toString());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("Not a JSON variable", e);
    }
  }
}
