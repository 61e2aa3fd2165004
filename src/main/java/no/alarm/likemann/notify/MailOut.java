package no.alarm.likemann.notify;

/** Where a plain-text e-mail goes: SMTP in production ({@link SmtpMailOut}), a list in the tests. */
@FunctionalInterface
public interface MailOut {

  void send(String to, String subject, String body);
}
