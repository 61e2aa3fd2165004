package no.alarm.likemann;

import java.util.Arrays;

import no.alarm.likemann.demo.DemoData;
import no.alarm.likemann.security.AccessSetup;
import no.alarm.likemann.security.TasklistFilters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Start-up: groups, permissions, Tasklist filters and the administrator; demo users and mentors in the default
 * profile only. Any other profile refuses to start without an administrator password from the environment.
 */
@Component
public class Startup {

  private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

  private final AccessSetup access;
  private final TasklistFilters filters;
  private final DemoData demo;
  private final boolean demoMode;
  private final String adminPassword;

  public Startup(AccessSetup access, TasklistFilters filters, DemoData demo, Environment environment,
                 @Value("${likemann.admin.password:}") String adminPassword) {
    this.access = access;
    this.filters = filters;
    this.demo = demo;
    this.demoMode = isDemo(environment.getActiveProfiles());
    if (adminPassword.isBlank() && !demoMode) {
      throw new IllegalStateException("LIKEMANN_ADMIN_PASSWORD must be set: outside the default demo profile"
          + " the administrator's password comes from the environment");
    }
    this.adminPassword = adminPassword.isBlank() ? "admin" : adminPassword;
  }

  /** Demo data only when no profile is active (the default) or "demo" is asked for explicitly. */
  public static boolean isDemo(String[] activeProfiles) {
    return activeProfiles.length == 0 || Arrays.asList(activeProfiles).contains("demo");
  }

  @EventListener(ApplicationReadyEvent.class)
  public void setUp() {
    access.ensureGroupsAndPermissions();
    access.ensureAdministrator(adminPassword, demoMode);
    filters.ensureFilters();
    if (demoMode) {
      demo.seed();
      LOG.info("Demo users and mentors are in place (default profile)");
    }
  }
}
