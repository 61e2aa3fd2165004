package no.alarm.likemann.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Camunda Modeler's lint for Camunda 7.24 over every model: bpmnlint's recommended rules and
 * bpmnlint-plugin-camunda-compat's {@code camunda-platform-7-24}, pinned in {@code tools/bpmnlint} (its
 * {@code .bpmnlintrc}). Any error or warning fails the build with the linter's own lines. In CI ({@code CI=true})
 * node and the install ({@code npm ci}, done by {@code .ci/run}) must be there; elsewhere the test installs the
 * tool itself when it is missing, and is skipped only where there is no {@code node}.
 */
class ModelLintTest {

  static final Path TOOL = Path.of("tools", "bpmnlint");
  static final Path BPMNLINT = TOOL.resolve(Path.of("node_modules", "bpmnlint", "bin", "bpmnlint.js"));
  static final boolean CI = "true".equals(System.getenv("CI"));

  record Run(int exit, String output) {}

  /** Each test asks first, so that a skip shows in the report with its reason; npm ci runs once at most. */
  static synchronized void theLinterIsInstalled() throws Exception {
    boolean node = commandWorks("node", "--version");
    if (!node) {
      if (CI) {
        fail("node is not on the PATH: the models' lint (tools/bpmnlint) needs Node 20 or later");
      }
      Assumptions.abort("node is not on the PATH: the models' lint (tools/bpmnlint) is skipped outside CI");
    }
    if (Files.exists(BPMNLINT)) {
      return;
    }
    if (CI) {
      fail(BPMNLINT + " is missing: .ci/run must run `npm ci` in " + TOOL + " before the build");
    }
    Run install = run(TOOL, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    assertThat(install.exit()).as("npm ci in " + TOOL + ":\n" + install.output()).isZero();
    assertThat(BPMNLINT).as("after npm ci in " + TOOL).exists();
  }

  @Test
  void everyBpmnIsLintClean() throws Exception {
    theLinterIsInstalled();
    List<Path> models = ModelConventionsTest.files(ModelConventionsTest.PROCESSES, ".bpmn");
    assertThat(models).as("models in " + ModelConventionsTest.PROCESSES).isNotEmpty();
    Run lint = lint(models);
    assertThat(lint.exit()).as("bpmnlint (Camunda 7.24) over processes/*.bpmn:\n" + lint.output()).isZero();
    assertThat(lint.output()).as("bpmnlint (Camunda 7.24) over processes/*.bpmn")
        .doesNotContain(" error ", " warning ");
  }

  /** The configuration is the one in force: a fake join (bpmnlint) and the plugin's Camunda 7 rule are found. */
  @Test
  void theLintFindsAFakeJoinAndReadsTheCamunda7Rules() throws Exception {
    theLinterIsInstalled();
    Path model = Files.createTempFile("fake-join", ".bpmn");
    try {
      Files.writeString(model, """
          <?xml version="1.0" encoding="UTF-8"?>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="fakeJoinDefinitions"
              targetNamespace="http://x">
            <bpmn:process id="fakeJoin" isExecutable="true">
              <bpmn:startEvent id="started" name="Start" />
              <bpmn:exclusiveGateway id="which" name="Hvilken?" />
              <bpmn:task id="joined" name="To inn" />
              <bpmn:endEvent id="ended" name="Slutt" />
              <bpmn:sequenceFlow id="toWhich" sourceRef="started" targetRef="which" />
              <bpmn:sequenceFlow id="oneWay" sourceRef="which" targetRef="joined" />
              <bpmn:sequenceFlow id="otherWay" sourceRef="which" targetRef="joined" />
              <bpmn:sequenceFlow id="toEnded" sourceRef="joined" targetRef="ended" />
            </bpmn:process>
          </bpmn:definitions>
          """);
      Run lint = lint(List.of(model));
      assertThat(lint.exit()).as(lint.output()).isNotZero();
      assertThat(lint.output()).contains("joined").contains("fake-join")
          .contains("camunda-compat/history-time-to-live");
    } finally {
      Files.deleteIfExists(model);
    }
  }

  /** Runs from the tool's folder, where bpmnlint finds its .bpmnlintrc; no warning is allowed either. */
  static Run lint(List<Path> models) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", BPMNLINT.toAbsolutePath().toString(), "--max-warnings=0"));
    models.forEach(m -> command.add(m.toAbsolutePath().toString()));
    return run(TOOL, command, 120);
  }

  static boolean commandWorks(String... command) {
    try {
      return run(Path.of("."), List.of(command), 30).exit() == 0;
    } catch (IOException e) {
      return false; // not on the PATH
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static Run run(Path dir, List<String> command, long seconds) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().put("NO_COLOR", "1");
    builder.environment().put("FORCE_COLOR", "0");
    Path out = Files.createTempFile("bpmnlint", ".txt");
    try {
      builder.redirectOutput(out.toFile());
      java.lang.Process process = builder.start();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " took longer than " + seconds + " s");
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
