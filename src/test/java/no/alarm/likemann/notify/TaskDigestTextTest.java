package no.alarm.likemann.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskDigestTextTest {

  static final String TASKLIST = "https://likemann.example/camunda/app/tasklist/";

  @Test
  void shouldCountTheUsersOwnAndTheGroupsTasksWithWhatIsOverdueAndLinkToTasklist() {
    TaskDigest d = new TaskDigest("koordinator", "Kari", "kari@alarm.example", 2, 1, 5, 0);

    assertThat(TaskDigestText.subject(d)).isEqualTo("Likemann: 7 oppgaver venter");
    assertThat(TaskDigestText.body(d, TASKLIST)).startsWith("Hei Kari,\n\n")
        .contains("- 2 oppgaver tildelt deg (1 over fristen)\n",
            "- 5 oppgaver til gruppen din som ingen har tatt ennå\n",
            "Åpne oppgavelisten: " + TASKLIST,
            "E-posten sier ikke hva eller hvem oppgavene gjelder");
  }

  @Test
  void aMentorIsToldHeHasBeenCoupledWithoutBeingToldWithWhom() {
    TaskDigest coupled = new TaskDigest("likemann", "Lars", "lars@alarm.example", 0, 0, 0, 0, 1);
    assertThat(coupled.anything()).isTrue();
    assertThat(TaskDigestText.subject(coupled)).isEqualTo("Likemann: 1 ny deltaker å følge");
    assertThat(TaskDigestText.body(coupled, TASKLIST)).contains(
        "- du er koblet med 1 ny deltaker: se «Mine deltakere» øverst i oppgavelisten\n").doesNotContain("HEN-");
    TaskDigest both = new TaskDigest("likemann", "Lars", "lars@alarm.example", 1, 0, 0, 0, 2);
    assertThat(TaskDigestText.subject(both)).isEqualTo("Likemann: 1 oppgave venter");
    assertThat(TaskDigestText.body(both, TASKLIST)).contains("- du er koblet med 2 nye deltakere",
        "- 1 oppgave tildelt deg");
    assertThat(new TaskDigest("likemann", "Lars", "lars@alarm.example", 0, 0, 0, 0, 0).anything()).isFalse();
  }

  @Test
  void oneTaskIsOneAndAListNobodyHasIsLeftOut() {
    TaskDigest d = new TaskDigest("likemann", null, "lars@alarm.example", 1, 0, 0, 0);

    assertThat(TaskDigestText.subject(d)).isEqualTo("Likemann: 1 oppgave venter");
    String body = TaskDigestText.body(d, TASKLIST);
    assertThat(body).startsWith("Hei,\n\n").contains("- 1 oppgave tildelt deg\n").doesNotContain("gruppen din",
        "over fristen");
  }
}
