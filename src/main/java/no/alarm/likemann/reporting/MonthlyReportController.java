package no.alarm.likemann.reporting;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's monthly report as PDF, for that municipality's counsellors (the municipal representatives),
 * coordinators, project leaders and administrators ({@link MunicipalityDocuments} decides who).
 */
@RestController
public class MonthlyReportController {

  private final MonthlyReports reports;
  private final MunicipalityDocuments documents;

  public MonthlyReportController(MonthlyReports reports, MunicipalityDocuments documents) {
    this.reports = reports;
    this.documents = documents;
  }

  @GetMapping("/api/monthly-reports/{id}.pdf")
  public ResponseEntity<byte[]> download(@PathVariable long id, HttpServletRequest request) {
    return documents.serve(request, "monthly report " + id, () -> reports.municipalityOf(id), () -> reports.find(id),
        "maanedsrapport-" + id + ".pdf");
  }
}
