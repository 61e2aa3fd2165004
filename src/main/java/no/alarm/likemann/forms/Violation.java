package no.alarm.likemann.forms;

/** One refused field: a Norwegian message for the person at the form, an English one for the API and the log. */
public record Violation(String field, String norwegian, String english) {}
