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
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
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
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
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
 * are Spring beans by delegate expression, never scripts or classes; every diagram is readable (no label over a
 * label or a shape, every edge on its shapes' outline). Camunda Modeler's lint is {@link ModelLintTest}.
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
  Stream<DynamicTest> everyDiagramIsReadable() throws IOException {
    return files(PROCESSES, ".bpmn").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> assertThat(layoutProblems(p)).as("diagram of " + p).isEmpty()));
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

  /** How far a waypoint may lie off a shape's outline: Modeler rounds waypoints to whole pixels. */
  static final double BORDER_TOLERANCE = 2;

  /** A rectangle of the diagram: a shape's or a label's bounds. */
  record Box(double x, double y, double w, double h) {
    static Box of(Bounds b) {
      return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    /** Sharing more than an edge: labels and shapes may touch. */
    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    boolean contains(Box o) {
      return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
    }

    @Override
    public String toString() {
      return "(" + num(x) + "," + num(y) + " " + num(w) + "x" + num(h) + ")";
    }
  }

  record Label(String owner, Box box) {}

  static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  static String point(Waypoint w) {
    return "(" + num(w.getX()) + "," + num(w.getY()) + ")";
  }

  /**
   * What makes a diagram unreadable in Camunda Modeler, each naming the element ids and coordinates: a label over
   * another label or over a shape (its own too: Modeler puts an event's or a gateway's label beside it; a label in
   * an expanded sub-process must not cross the sub-process's border), a named event, gateway or flow without a
   * label position, an edge that does not start on its source's outline or end on its target's (the circle of an
   * event, the diamond of a gateway, the rectangle of anything else), a boundary event off its host's border.
   */
  static List<String> layoutProblems(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    java.util.Map<String, BpmnShape> shapeOf = new java.util.HashMap<>();
    List<Label> labels = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      shapeOf.put(element.getId(), shape);
      if (element instanceof Activity) {
        continue; // a task's or a sub-process's name is drawn inside it, whatever label bounds it has
      }
      Bounds bounds = shape.getBpmnLabel() == null ? null : shape.getBpmnLabel().getBounds();
      if (bounds != null) {
        labels.add(new Label(element.getId(), Box.of(bounds)));
      } else if (element instanceof FlowNode node && node.getName() != null && !node.getName().isBlank()) {
        problems.add(element.getId() + " is named but has no label bounds: Modeler would place it anywhere");
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      BaseElement element = edge.getBpmnElement();
      Bounds bounds = edge.getBpmnLabel() == null ? null : edge.getBpmnLabel().getBounds();
      if (bounds != null) {
        labels.add(new Label(element.getId(), Box.of(bounds)));
      } else if (element instanceof SequenceFlow flow && flow.getName() != null && !flow.getName().isBlank()) {
        problems.add(element.getId() + " is named but has no label bounds: Modeler would place it anywhere");
      }
      if (element instanceof SequenceFlow flow) {
        List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
        if (points.size() < 2) {
          problems.add("edge of " + flow.getId() + " has " + points.size() + " waypoints");
          continue;
        }
        endsOnOutline(flow.getId(), "starts", points.get(0), shapeOf.get(flow.getSource().getId()), problems);
        endsOnOutline(flow.getId(), "ends", points.get(points.size() - 1), shapeOf.get(flow.getTarget().getId()),
            problems);
      }
    }

    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        Label a = labels.get(i);
        Label b = labels.get(j);
        if (a.box().overlaps(b.box())) {
          problems.add("label of " + a.owner() + " " + a.box() + " overlaps label of " + b.owner() + " " + b.box());
        }
      }
    }
    for (Label label : labels) {
      for (BpmnShape shape : shapeOf.values()) {
        Box box = Box.of(shape.getBounds());
        boolean container = shape.getBpmnElement() instanceof SubProcess && Boolean.TRUE.equals(shape.isExpanded())
            || shape.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Participant
            || shape.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Lane;
        if (box.overlaps(label.box()) && !(container && box.contains(label.box()))) {
          problems.add("label of " + label.owner() + " " + label.box() + (container ? " crosses the border of "
              : " overlaps the shape of ") + shape.getBpmnElement().getId() + " " + box);
        }
      }
    }
    for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
      BpmnShape shape = shapeOf.get(event.getId());
      BpmnShape host = shapeOf.get(event.getAttachedTo().getId());
      if (shape != null && host != null) {
        Box e = Box.of(shape.getBounds());
        double cx = e.x() + e.w() / 2;
        double cy = e.y() + e.h() / 2;
        double off = distanceToOutline(cx, cy, host);
        if (off > BORDER_TOLERANCE) {
          problems.add("boundary event " + event.getId() + " " + e + " has its centre (" + num(cx) + "," + num(cy)
              + ") " + num(off) + " px off the border of " + host.getBpmnElement().getId() + " "
              + Box.of(host.getBounds()));
        }
      }
    }
    return problems;
  }

  static void endsOnOutline(String flow, String verb, Waypoint p, BpmnShape shape, List<String> problems) {
    if (shape == null) {
      return; // a missing shape is checkBpmn's to report
    }
    double off = distanceToOutline(p.getX(), p.getY(), shape);
    if (off > BORDER_TOLERANCE) {
      problems.add("edge of " + flow + " " + verb + " at " + point(p) + ", " + num(Math.round(off * 10) / 10.0)
          + " px off the outline of " + shape.getBpmnElement().getId() + " " + Box.of(shape.getBounds()));
    }
  }

  /** Distance from a point to what Modeler draws: an event's circle, a gateway's diamond, else the rectangle. */
  static double distanceToOutline(double px, double py, BpmnShape shape) {
    Box b = Box.of(shape.getBounds());
    double cx = b.x() + b.w() / 2;
    double cy = b.y() + b.h() / 2;
    BaseElement element = shape.getBpmnElement();
    if (element instanceof org.camunda.bpm.model.bpmn.instance.Event) {
      return Math.abs(Math.hypot(px - cx, py - cy) - Math.min(b.w(), b.h()) / 2);
    }
    double[][] corners = element instanceof org.camunda.bpm.model.bpmn.instance.Gateway
        ? new double[][] {{cx, b.y()}, {b.x() + b.w(), cy}, {cx, b.y() + b.h()}, {b.x(), cy}}
        : new double[][] {{b.x(), b.y()}, {b.x() + b.w(), b.y()}, {b.x() + b.w(), b.y() + b.h()},
            {b.x(), b.y() + b.h()}};
    double min = Double.MAX_VALUE;
    for (int i = 0; i < corners.length; i++) {
      double[] a = corners[i];
      double[] c = corners[(i + 1) % corners.length];
      min = Math.min(min, distanceToSegment(px, py, a[0], a[1], c[0], c[1]));
    }
    return min;
  }

  static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
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

  /** An edge 10 px beside its task, labels on top of each other and over a shape, an edge off a gateway's diamond. */
  @Test
  void anUnreadableDiagramIsRefused() throws IOException {
    Path broken = Files.createTempFile("unreadable", ".bpmn");
    Files.writeString(broken, """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="unreadableDefinitions" targetNamespace="http://x">
          <bpmn:process id="unreadable" isExecutable="true">
            <bpmn:exclusiveGateway id="outcome" name="Oppmøte?" />
            <bpmn:userTask id="followUpAbsence" name="Følg opp fravær" />
            <bpmn:userTask id="leave" name="Avslutt" />
            <bpmn:sequenceFlow id="absentFlow" name="Møtte ikke" sourceRef="outcome" targetRef="followUpAbsence" />
            <bpmn:sequenceFlow id="leaveFlow" name="Slutter" sourceRef="outcome" targetRef="leave" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="unreadableDiagram">
            <bpmndi:BPMNPlane id="unreadablePlane" bpmnElement="unreadable">
              <bpmndi:BPMNShape id="outcome_di" bpmnElement="outcome">
                <dc:Bounds x="775" y="325" width="50" height="50" />
                <bpmndi:BPMNLabel><dc:Bounds x="790" y="300" width="50" height="40" /></bpmndi:BPMNLabel>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="followUpAbsence_di" bpmnElement="followUpAbsence">
                <dc:Bounds x="750" y="480" width="100" height="80" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="leave_di" bpmnElement="leave">
                <dc:Bounds x="1030" y="310" width="100" height="80" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="absentFlow_di" bpmnElement="absentFlow">
                <di:waypoint x="825" y="350" />
                <di:waypoint x="860" y="350" />
                <di:waypoint x="860" y="480" />
                <bpmndi:BPMNLabel><dc:Bounds x="827" y="320" width="50" height="27" /></bpmndi:BPMNLabel>
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="leaveFlow_di" bpmnElement="leaveFlow">
                <di:waypoint x="818" y="350" />
                <di:waypoint x="1030" y="350" />
                <bpmndi:BPMNLabel><dc:Bounds x="827" y="320" width="210" height="27" /></bpmndi:BPMNLabel>
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """);
    try {
      assertThat(layoutProblems(broken)).containsExactlyInAnyOrder(
          "edge of absentFlow ends at (860,480), 10 px off the outline of followUpAbsence (750,480 100x80)",
          "edge of leaveFlow starts at (818,350), 4.9 px off the outline of outcome (775,325 50x50)",
          "label of outcome (790,300 50x40) overlaps label of absentFlow (827,320 50x27)",
          "label of outcome (790,300 50x40) overlaps label of leaveFlow (827,320 210x27)",
          "label of absentFlow (827,320 50x27) overlaps label of leaveFlow (827,320 210x27)",
          "label of outcome (790,300 50x40) overlaps the shape of outcome (775,325 50x50)",
          "label of leaveFlow (827,320 210x27) overlaps the shape of leave (1030,310 100x80)");
      // on the diamond's edge, not at a corner of its box: a point Modeler draws
      assertThat(distanceToOutline(815, 360, shapeIn(broken, "outcome"))).isLessThan(0.01);
      assertThat(distanceToOutline(775, 325, shapeIn(broken, "outcome"))).isGreaterThan(BORDER_TOLERANCE);
    } finally {
      Files.deleteIfExists(broken);
    }
  }

  static BpmnShape shapeIn(Path file, String elementId) {
    return Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> s.getBpmnElement().getId().equals(elementId)).findFirst().orElseThrow();
  }
}
