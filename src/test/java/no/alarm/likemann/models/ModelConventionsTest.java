package no.alarm.likemann.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import no.alarm.likemann.forms.FormSchema;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Models are code: this fails the build when a model breaks the project's rules. Every user task and start event
 * has a valid form of its own, bound to the deployment and guarded on the server; ids are meaningful; every element
 * has diagram layout (it opens in Camunda Modeler); every process and decision has a history time to live; delegates
 * are Spring beans by delegate expression, never scripts or classes.
 */
class ModelConventionsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  /** What Camunda Modeler generates: Activity_0abc123, Gateway_1x2y3z4, Flow_…, Event_…, StartEvent_1. */
  static final Pattern GENERATED_ID =
      Pattern.compile("^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|SequenceFlow|DataStoreReference"
          + "|Participant|Lane|Process|Definitions|Decision|DecisionTable|InputClause|OutputClause|DecisionRule"
          + "|UnaryTests|LiteralExpression|TextAnnotation|Association|BPMNShape|BPMNEdge|BPMNDiagram|BPMNPlane"
          + "|DMNShape|DMNDiagram|Input|Output|Rule)_[0-9a-z]{1,7}$"
          // what the model API's builder generates: startEvent_0f1e2d3c-…
          + "|^[A-Za-z]+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  static final String GUARD = "${formInputGuard}";

  static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBpmnFollowsTheRules() throws IOException {
    return files(PROCESSES, ".bpmn").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> checkBpmn(p)));
  }

  @TestFactory
  Stream<DynamicTest> everyDmnFollowsTheRules() throws IOException {
    return files(PROCESSES, ".dmn").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> checkDmn(p)));
  }

  /** A field for a municipality or a region is a select whose choices the register fills (FormChoices). */
  private static void registerChoices(com.fasterxml.jackson.databind.JsonNode components, Path p) {
    for (com.fasterxml.jackson.databind.JsonNode c : components) {
      registerChoices(c.path("components"), p);
      String key = c.path("key").asText("");
      if (key.equals("municipality") || key.equals("region")) {
        assertThat(c.path("type").asText()).as(key + " in " + p).isEqualTo("select");
        assertThat(c.path("properties").path(no.alarm.likemann.forms.FormChoices.PROPERTY).asText())
            .as("register choices of " + key + " in " + p)
            .isEqualTo(key.equals("region") ? no.alarm.likemann.forms.FormChoices.REGIONS
                : no.alarm.likemann.forms.FormChoices.MUNICIPALITIES);
        assertThat(c.path("values")).as("own values of " + key + " in " + p).isEmpty();
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFormIsAValidCamundaFormNamedAfterItsId() throws IOException {
    return files(FORMS, ".form").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      try (InputStream in = Files.newInputStream(p)) {
        FormSchema schema = FormSchema.parse(in);
        assertThat(schema.id()).as("form id of " + p).isEqualTo(p.getFileName().toString().replace(".form", ""));
        assertThat(schema.fields().size() + schema.objects().size()).as("input fields of " + p).isPositive();
        List<FormSchema.Field> fields = new java.util.ArrayList<>(schema.fields());
        for (FormSchema.ObjectField object : schema.objects()) {
          assertThat(object.items()).as("fields of the group " + object.path() + " in " + p).isNotEmpty();
          fields.addAll(object.items());
        }
        for (FormSchema.Field f : fields) {
          assertThat(f.label()).as("label of " + f.key() + " in " + p).isNotBlank();
          if (f.type().equals("textfield") || f.type().equals("textarea")) {
            assertThat(f.maxLength()).as("a text field needs a limit: " + f.key() + " in " + p).isNotNull();
          }
          if (f.type().equals("number")) {
            assertThat(f.min()).as("a number needs limits: " + f.key() + " in " + p).isNotNull();
            assertThat(f.max()).as("a number needs limits: " + f.key() + " in " + p).isNotNull();
          }
          if (f.type().equals("select") || f.type().equals("radio")) {
            assertThat(!f.values().isEmpty() || f.choicesFromData())
                .as("a choice needs values: " + f.key() + " in " + p).isTrue();
          }
        }
      }
      String json = Files.readString(p);
      assertThat(json).as("schemaVersion of " + p).contains("\"schemaVersion\": 16");
      // municipalities and regions are the register's data (the administrator adds them): no form lists its own
      assertThat(json).as("a municipality or region written into " + p).doesNotContainPattern(
          "\"value\":\\s*\"(porsgrunn|skien|bamble|siljan|drangedal|kragero|stavanger|sandnes|sola|kristiansand"
              + "|grenland|sorRogaland|agder)\"");
      registerChoices(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("components"), p);
      // Tasklist 7.24 counts the error keys form-js leaves behind for a dynamic list's fields (even when empty) and
      // keeps "Complete" disabled for good: rows are groups with a path instead.
      assertThat(json).as("dynamic list in " + p).doesNotContain("\"dynamiclist\"");
    }));
  }

  static void checkBpmn(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    List<String> problems = new ArrayList<>();

    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("process " + process.getId() + " has no history time to live");
      }
    }

    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
    Set<String> shaped = new java.util.HashSet<>();
    shapes.forEach(s -> shaped.add(s.getBpmnElement().getId()));
    Set<String> edged = new java.util.HashSet<>();
    edges.forEach(e -> edged.add(e.getBpmnElement().getId()));

    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String id = element.getId();
      if (id != null && GENERATED_ID.matcher(id).matches()) {
        problems.add("modeller-generated id " + id + ": give it a meaningful name");
      }
    }

    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element instanceof SequenceFlow) {
        if (!edged.contains(element.getId())) {
          problems.add("sequence flow " + element.getId() + " has no diagram edge");
        }
      } else if (element instanceof FlowNode && !shaped.contains(element.getId())) {
        problems.add(element.getElementType().getTypeName() + " " + element.getId() + " has no diagram shape");
      }
      if (element instanceof FlowNode node && !(element instanceof SubProcess) && !(element instanceof StartEvent)
          && !(node instanceof org.camunda.bpm.model.bpmn.instance.EndEvent) && node.getName() == null) {
        if (!(node instanceof org.camunda.bpm.model.bpmn.instance.Gateway)) {
          problems.add(element.getId() + " has no name: Tasklist and Cockpit show names to people");
        }
      }
    }

    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkForm(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), problems);
      if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null) {
        problems.add("user task " + task.getId() + " has no candidate group or assignee");
      }
      boolean guarded = listeners(task, CamundaExecutionListener.class).stream()
          .anyMatch(l -> "end".equals(l.getCamundaEvent()) && GUARD.equals(l.getCamundaDelegateExpression()));
      if (!guarded) {
        problems.add("user task " + task.getId() + " lacks the end listener " + GUARD);
      }
    }

    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof SubProcess) {
        continue; // an embedded subprocess starts by itself, without a person
      }
      if (start.getParentElement() instanceof Process p && !p.isCamundaStartableInTasklist()) {
        if (start.getCamundaFormRef() != null) {
          problems.add("start event " + start.getId() + " has a form, but its process is not startable in Tasklist");
        }
        continue; // started by the application, not by a person
      }
      checkForm(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), problems);
      boolean guarded = listeners(start, CamundaExecutionListener.class).stream()
          .anyMatch(l -> "start".equals(l.getCamundaEvent()) && GUARD.equals(l.getCamundaDelegateExpression()));
      if (!guarded) {
        problems.add("start event " + start.getId() + " lacks the start listener " + GUARD);
      }
    }

    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getCamundaDelegateExpression() == null || task.getCamundaClass() != null
          || task.getCamundaExpression() != null) {
        problems.add("service task " + task.getId() + " must call a Spring bean by delegate expression");
      }
    }
    if (!model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ScriptTask.class).isEmpty()) {
      problems.add("script tasks are not allowed: logic lives in tested services");
    }

    assertThat(problems).as(file.toString()).isEmpty();
  }

  static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> List<T> listeners(FlowNode node,
                                                                                              Class<T> type) {
    if (node.getExtensionElements() == null) {
      return List.of();
    }
    return node.getExtensionElements().getElementsQuery().filterByType(type).list();
  }

  static void checkForm(String elementId, String formRef, String binding, List<String> problems) {
    if (formRef == null) {
      problems.add(elementId + " has no camunda:formRef");
      return;
    }
    if (!"deployment".equals(binding)) {
      problems.add(elementId + " must bind its form to the deployment (camunda:formRefBinding=\"deployment\")");
    }
    if (!formRef.equals(elementId)) {
      problems.add(elementId + " has form " + formRef + ": each human step has its own form named after it");
    }
    Path form = FORMS.resolve(formRef + ".form");
    if (!Files.exists(form)) {
      problems.add(elementId + " references " + form + ", which is missing");
    } else {
      try (InputStream in = Files.newInputStream(form)) {
        FormSchema schema = FormSchema.parse(in);
        if (!formRef.equals(schema.id())) {
          problems.add(form + " has id " + schema.id() + ", not " + formRef);
        }
      } catch (Exception e) {
        problems.add(form + " is not a valid form: " + e.getMessage());
      }
    }
  }

  static void checkDmn(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("decision " + decision.getId() + " has no history time to live");
      }
    }
    for (org.camunda.bpm.model.dmn.instance.DmnElement e :
        model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.DmnElement.class)) {
      if (e.getId() != null && GENERATED_ID.matcher(e.getId()).matches()) {
        problems.add("modeller-generated id " + e.getId());
      }
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }

  @Test
  void theRuleCatchesWhatTheModellerGenerates() {
    assertThat(GENERATED_ID.matcher("Activity_0x7k2ab").matches()).isTrue();
    assertThat(GENERATED_ID.matcher("Gateway_1fj2k3l").matches()).isTrue();
    assertThat(GENERATED_ID.matcher("StartEvent_1").matches()).isTrue();
    assertThat(GENERATED_ID.matcher("assessReferral").matches()).isFalse();
  }

  @Test
  void aModelWithoutFormLayoutOrTimeToLiveIsRefused() throws IOException {
    Path broken = Files.createTempFile("broken", ".bpmn");
    Files.writeString(broken, """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="brokenDefinitions" targetNamespace="http://x">
          <bpmn:process id="Process_0abc123" isExecutable="true">
            <bpmn:startEvent id="started" name="Start" />
            <bpmn:sequenceFlow id="toTask" sourceRef="started" targetRef="Activity_0x7k2ab" />
            <bpmn:userTask id="Activity_0x7k2ab" name="Gjør noe" camunda:candidateGroups="coordinator" />
            <bpmn:serviceTask id="doSomething" name="Gjør noe mer" camunda:class="x.Y" />
          </bpmn:process>
        </bpmn:definitions>
        """);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkBpmn(broken))
        .hasMessageContaining("history time to live")
        .hasMessageContaining("modeller-generated id Activity_0x7k2ab")
        .hasMessageContaining("Activity_0x7k2ab has no camunda:formRef")
        .hasMessageContaining("lacks the end listener")
        .hasMessageContaining("started lacks the start listener")
        .hasMessageContaining("has no diagram shape")
        .hasMessageContaining("toTask has no diagram edge")
        .hasMessageContaining("doSomething must call a Spring bean by delegate expression");
  }
}
