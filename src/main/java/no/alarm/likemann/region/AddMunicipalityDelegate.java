package no.alarm.likemann.region;

import static no.alarm.likemann.region.AddMunicipality.*;

import java.util.List;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.security.AccessSetup;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code registerMunicipality}: runs in the start's own transaction, so that a refusal reaches the administrator as
 * the form's error (400) and nothing is added; the register's rows and the engine's tenant and group commit together.
 */
@Component("addMunicipalityDelegate")
public class AddMunicipalityDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(AddMunicipalityDelegate.class);

  private final AddMunicipality service;
  private final AccessSetup access;

  public AddMunicipalityDelegate(AddMunicipality service, AccessSetup access) {
    this.service = service;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who != null && !Roles.isAdministrator(who.getGroupIds())) {
      throw new InvalidFormInputException(START, List.of(new Violation(MUNICIPALITY_NAME,
          "Bare administratoren kan legge til kommuner og regioner.", "only the administrator adds municipalities")));
    }
    Municipality added = service.add((String) execution.getVariable(MUNICIPALITY_NAME),
        (String) execution.getVariable(REGION), (String) execution.getVariable(NEW_REGION_NAME),
        who == null ? null : who.getUserId(), access);
    execution.setProcessBusinessKey(added.code());
    execution.setVariable(MUNICIPALITY_CODE, added.code());
    execution.setVariable(REGION, added.region());
    LOG.info("Municipality {} added to region {}", added.code(), added.region());
  }
}
