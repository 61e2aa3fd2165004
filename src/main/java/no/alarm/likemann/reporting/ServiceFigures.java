package no.alarm.likemann.reporting;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The figures the steering group's page in Cockpit reads, each by its name (the kind a {@link FigureSnapshots} row
 * is kept under), as they leave the case level: the small numbers hidden. One place names them, so that the API and
 * the snapshots' refresh compute the same thing.
 */
@Component
public class ServiceFigures {

  public static final String SUMMARY = "summary";
  public static final String TRENDS = "trends";
  private static final String PROCESS_COUNTS = "process-counts/";

  private final ServiceSummary summary;
  private final ServiceTrends trends;
  private final ProcessCounts counts;
  private final SmallNumbers smallNumbers;

  public ServiceFigures(ServiceSummary summary, ServiceTrends trends, ProcessCounts counts, SmallNumbers smallNumbers) {
    this.summary = summary;
    this.trends = trends;
    this.counts = counts;
    this.smallNumbers = smallNumbers;
  }

  /** The kind under which the diagram's counts of a model are kept. */
  public static String processCounts(String processKey) {
    return PROCESS_COUNTS + processKey;
  }

  /** Every kind there is: the summary, the trends, and the counts of each model the steering group follows. */
  public static boolean isKind(String kind) {
    return SUMMARY.equals(kind) || TRENDS.equals(kind) || (kind.startsWith(PROCESS_COUNTS)
        && ProcessCounts.PROCESSES.contains(kind.substring(PROCESS_COUNTS.length())));
  }

  static Set<String> kinds() {
    var all = new java.util.TreeSet<>(Set.of(SUMMARY, TRENDS));
    ProcessCounts.PROCESSES.forEach(p -> all.add(processCounts(p)));
    return all;
  }

  /** The figures of a kind for the scope's regions, as published. */
  public Object compute(String kind, RegionScope scope) {
    if (SUMMARY.equals(kind)) {
      return PublishedSummary.of(summary.now(scope), smallNumbers);
    }
    if (TRENDS.equals(kind)) {
      return ServiceTrends.Published.of(trends.now(scope), smallNumbers);
    }
    if (isKind(kind)) {
      return counts.of(kind.substring(PROCESS_COUNTS.length()), scope.regions(), smallNumbers);
    }
    throw new IllegalArgumentException("No such figures: " + kind);
  }
}
