package no.alarm.likemann.reporting;

import java.time.LocalDate;

/** What the closing report to the municipality says. No substance history: what the coordinator wrote for it. */
public record ClosingReport(
    String reference,
    String municipality,
    String counsellor,
    String mentor,
    LocalDate couplingMeetingDate,
    String closingReason,
    String summary,
    String goals,
    String recommendations,
    LocalDate written) {}
