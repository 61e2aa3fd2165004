package no.alarm.likemann.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Work the application does by itself (offering freed capacity, the silence watch), not as the user whose action or
 * thread happened to start it: no engine authentication while it runs, the caller's restored afterwards.
 */
@Component
public class SystemWork {

  private final IdentityService identity;

  public SystemWork(IdentityService identity) {
    this.identity = identity;
  }

  public void run(Runnable work) {
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      work.run();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
