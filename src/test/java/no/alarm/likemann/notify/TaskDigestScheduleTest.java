package no.alarm.likemann.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

class TaskDigestScheduleTest {

  // 06:45 UTC on a Monday is 07:45 in Oslo
  final Clock clock = Clock.fixed(Instant.parse("2026-12-07T06:45:00Z"), ZoneId.of("UTC"));
  final TaskDigests digests = mock(TaskDigests.class);

  @SuppressWarnings("unchecked")
  ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
    ObjectProvider<JavaMailSender> p = mock(ObjectProvider.class);
    when(p.getIfAvailable()).thenReturn(sender);
    return p;
  }

  @Test
  void turnedOnWithoutAnSmtpServerItSendsNothingAndSaysSoAtStart() {
    new TaskDigestSchedule(digests, provider(null), clock, "likemann@alarm.example").onWeekdays();
    verify(digests, never()).sendAll(any(), any());
  }

  @Test
  void itSendsTheOsloDaysEmailsAsPlainTextFromTheConfiguredAddress() {
    JavaMailSender sender = mock(JavaMailSender.class);
    ArgumentCaptor<MailOut> out = ArgumentCaptor.forClass(MailOut.class);
    new TaskDigestSchedule(digests, provider(sender), clock, "likemann@alarm.example").onWeekdays();
    verify(digests).sendAll(eq(LocalDate.of(2026, 12, 7)), out.capture());

    out.getValue().send("lars@alarm.example", "Likemann: 1 oppgave venter", "Hei Lars");
    ArgumentCaptor<SimpleMailMessage> message = ArgumentCaptor.forClass(SimpleMailMessage.class);
    verify(sender).send(message.capture());
    assertThat(message.getValue().getFrom()).isEqualTo("likemann@alarm.example");
    assertThat(message.getValue().getTo()).containsExactly("lars@alarm.example");
    assertThat(message.getValue().getSubject()).isEqualTo("Likemann: 1 oppgave venter");
  }

  @Test
  void aFailedRunIsLoggedAndLeftForTheNextRun() {
    when(digests.sendAll(any(), any())).thenThrow(new IllegalStateException("database down"));
    new TaskDigestSchedule(digests, provider(mock(JavaMailSender.class)), clock, "likemann@alarm.example")
        .onWeekdays();
    verify(digests).sendAll(any(), any());
  }
}
