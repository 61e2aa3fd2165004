package no.alarm.likemann.notify;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Plain-text e-mail through the SMTP server Spring Boot is configured with ({@code spring.mail.*}). */
public class SmtpMailOut implements MailOut {

  private final JavaMailSender mail;
  private final String from;

  public SmtpMailOut(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public void send(String to, String subject, String body) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(body);
    mail.send(message);
  }
}
