package no.alarm.likemann.notify;

import java.time.Clock;
import java.time.LocalDate;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.operations.ScheduleLocks;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the daily e-mail about waiting tasks on weekdays at 07:30 Oslo time, and again at 12:30 for anyone the
 * morning's run could not reach. On only where the operator has turned it on ({@code likemann.task-digest.enabled})
 * and given an SMTP server ({@code spring.mail.host}): README, "Running it for real".
 */
@Component
@ConditionalOnProperty(name = "likemann.task-digest.enabled", havingValue = "true")
public class TaskDigestSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDigestSchedule.class);

  private final TaskDigests digests;
  private final MailOut out;
  private final Clock clock;

  public TaskDigestSchedule(TaskDigests digests, ObjectProvider<JavaMailSender> mail, Clock clock,
                            @Value("${likemann.task-digest.from:likemann@localhost}") String from) {
    this.digests = digests;
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      // Spring Boot makes a mail sender only where spring.mail.host is set
      LOG.warn("likemann.task-digest.enabled is true but no SMTP server is configured (spring.mail.host):"
          + " no task e-mails are sent");
    }
    this.out = sender == null ? null : new SmtpMailOut(sender, from);
    this.clock = clock;
  }

  @Scheduled(cron = "${likemann.task-digest.cron:0 30 7,12 * * MON-FRI}", zone = "Europe/Oslo")
  @SchedulerLock(name = ScheduleLocks.TASK_DIGEST, lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
  public void onWeekdays() {
    if (out == null) {
      return;
    }
    try {
      int sent = digests.sendAll(LocalDate.now(clock.withZone(OsloCalendar.OSLO)), out);
      LOG.info("Task e-mails sent: {}", sent);
    } catch (RuntimeException e) {
      LOG.warn("Task e-mails failed; they are tried again at the next run: {}", e.toString());
    }
  }
}
