package no.alarm.likemann.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.alarm.likemann.forms.InvalidFormInputException;
import no.alarm.likemann.referral.Municipality;
import no.alarm.likemann.referral.MunicipalityRegistry;
import no.alarm.likemann.support.TestEngines;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * processes/add-municipality.bpmn with the real register (the project's tables, migrated by Flyway) behind it: a
 * municipality in an existing region or a new one is added at once; a refusal keeps nothing, neither rows nor
 * instance.
 */
@Deployment(resources = "processes/add-municipality.bpmn")
class AddMunicipalityProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(TestEngines.inMemory())
      .build();

  JdbcTemplate jdbc;
  MunicipalityRegistry register;
  final List<String> access = new ArrayList<>();

  @BeforeEach
  void register() {
    var dataSource = new DriverManagerDataSource("jdbc:h2:mem:area-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .placeholders(Map.of("binaryType", "BLOB")).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    register = new MunicipalityRegistry(jdbc, Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"),
        ZoneId.of("Europe/Oslo")));
    AddMunicipality service = new AddMunicipality(register);
    AddMunicipality.Access engineAccess = new AddMunicipality.Access() {
      @Override
      public void ensureTenant(String region, String name) {
        access.add("tenant " + region + " " + name);
      }

      @Override
      public void ensureMunicipalityAccess(Municipality m) {
        access.add("group " + m.code() + " in " + m.region());
      }
    };
    Mocks.register("formInputGuard", (ExecutionListener) e -> { });
    Mocks.register("addMunicipalityDelegate", (JavaDelegate) e -> {
      Municipality added = service.add((String) e.getVariable(AddMunicipality.MUNICIPALITY_NAME),
          (String) e.getVariable(AddMunicipality.REGION), (String) e.getVariable(AddMunicipality.NEW_REGION_NAME),
          "admin", engineAccess);
      e.setProcessBusinessKey(added.code());
    });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private ProcessInstance start(String name, String region, String newRegion) {
    Map<String, Object> form = new HashMap<>();
    form.put(AddMunicipality.MUNICIPALITY_NAME, name);
    form.put(AddMunicipality.REGION, region);
    form.put(AddMunicipality.NEW_REGION_NAME, newRegion);
    return runtimeService().startProcessInstanceByKey(AddMunicipality.PROCESS_KEY, form);
  }

  @Test
  void shouldAddAMunicipalityToAnExistingRegion() {
    ProcessInstance pi = start("Nome", "grenland", null);

    assertThat(pi).isEnded().hasPassed(AddMunicipality.START, AddMunicipality.REGISTER, AddMunicipality.REGISTERED);
    assertThat(register.find("nome")).contains(new Municipality("nome", "Nome", "grenland"));
    assertThat(jdbc.queryForObject("SELECT added_by FROM municipality WHERE code = 'nome'", String.class))
        .isEqualTo("admin");
    assertThat(access).containsExactly("group nome in grenland");
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("nome").count())
        .isEqualTo(1);
  }

  @Test
  void shouldAddANewRegionWithItsFirstMunicipality() {
    ProcessInstance pi = start("Tønsberg", null, "Vestfold og Telemark");

    assertThat(pi).isEnded().hasPassed(AddMunicipality.REGISTERED);
    assertThat(register.regions()).containsEntry("vestfoldOgTelemark", "Vestfold og Telemark");
    assertThat(register.regionName("vestfoldOgTelemark")).isEqualTo("Vestfold og Telemark");
    assertThat(register.find("tonsberg")).contains(new Municipality("tonsberg", "Tønsberg", "vestfoldOgTelemark"));
    assertThat(access).containsExactly("tenant vestfoldOgTelemark Vestfold og Telemark",
        "group tonsberg in vestfoldOgTelemark");
  }

  @Test
  void shouldRefuseAMunicipalityAlreadyInTheServiceAndKeepNothing() {
    assertThatThrownBy(() -> start("skien", "grenland", null))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("Kommunen «skien» er allerede med");
    assertThatThrownBy(() -> start("Kragerø", "agder", null))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("allerede med i tjenesten");
    assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
    assertThat(register.all()).hasSize(10);
    assertThat(access).isEmpty();
  }

  @Test
  void shouldRefuseANewRegionThatExistsAndKeepNothing() {
    assertThatThrownBy(() -> start("Time", null, "sør-rogaland"))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("finnes allerede: velg den i listen");
    assertThat(register.find("time")).isEmpty();
    assertThat(register.regions()).hasSize(3);
  }

  @Test
  void shouldRefuseAnUnknownRegionBothRegionsOrNone() {
    assertThatThrownBy(() -> start("Time", "rogaland", null))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("Regionen «rogaland» finnes ikke");
    assertThatThrownBy(() -> start("Time", "sorRogaland", "Jæren"))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("ikke begge");
    assertThatThrownBy(() -> start("Time", null, " "))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("Velg regionen");
    assertThatThrownBy(() -> start("<script>", "sorRogaland", null))
        .isInstanceOf(InvalidFormInputException.class).hasMessageContaining("bare ha bokstaver");
    assertThat(register.find("time")).isEmpty();
    assertThat(historyService().createHistoricProcessInstanceQuery().count()).isZero();
  }
}
