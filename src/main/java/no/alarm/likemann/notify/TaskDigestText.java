package no.alarm.likemann.notify;

/**
 * The daily e-mail about waiting tasks, in Norwegian. It counts tasks and links to Tasklist; it never names a task,
 * a participant or a mentor: an e-mail leaves the system's access control, the tasks stay behind the login.
 * Plain Java: tested without the engine or a mail server.
 */
public final class TaskDigestText {

  private TaskDigestText() {}

  public static String subject(TaskDigest d) {
    if (d.total() == 0) {
      return "Likemann: " + participants(d.newParticipants()) + " å følge";
    }
    return "Likemann: " + tasks(d.total()) + " venter";
  }

  public static String body(TaskDigest d, String tasklistUrl) {
    StringBuilder b = new StringBuilder();
    b.append("Hei").append(d.firstName() == null || d.firstName().isBlank() ? "" : " " + d.firstName().strip())
        .append(",\n\n").append("dette venter på deg i Likemann i dag:\n\n");
    if (d.newParticipants() > 0) {
      b.append("- du er koblet med ").append(participants(d.newParticipants()))
          .append(": se «Mine deltakere» øverst i oppgavelisten\n");
    }
    if (d.assigned() > 0) {
      b.append("- ").append(tasks(d.assigned())).append(" tildelt deg").append(overdue(d.assignedOverdue()))
          .append("\n");
    }
    if (d.forGroups() > 0) {
      b.append("- ").append(tasks(d.forGroups())).append(" til gruppen din som ingen har tatt ennå")
          .append(overdue(d.forGroupsOverdue())).append("\n");
    }
    b.append("\nÅpne oppgavelisten: ").append(tasklistUrl).append("\n\n")
        .append("E-posten sier ikke hva eller hvem oppgavene gjelder: det står bare i Likemann, etter innlogging.\n")
        .append("Du får den på hverdager når noe venter på deg. Ikke svar på den.\n");
    return b.toString();
  }

  static String participants(int n) {
    return n == 1 ? "1 ny deltaker" : n + " nye deltakere";
  }

  static String tasks(int n) {
    return n == 1 ? "1 oppgave" : n + " oppgaver";
  }

  static String overdue(int n) {
    return n == 0 ? "" : " (" + n + " over fristen)";
  }
}
