package no.alarm.likemann.demo;

import static no.alarm.likemann.security.Roles.*;

import java.util.List;

import no.alarm.likemann.mentor.MentorRegister;
import no.alarm.likemann.mentor.MentorYear;
import no.alarm.likemann.mentor.MentorStatus;
import no.alarm.likemann.mentor.NewMentor;
import no.alarm.likemann.security.AccessSetup;
import no.alarm.likemann.security.Roles;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Demo users (one per role, password = user name) and demo mentors, for the default profile only. Listed in the
 * README. Never seeded by any other profile.
 */
@Component
public class DemoData {

  /** A demo login: user name (also the password), name, group, region. */
  public record DemoUser(String id, String firstName, String lastName, String group, String region) {}

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("koordinator", "Kari", "Koordinator", COORDINATOR, "grenland"),
      new DemoUser("ruskonsulent", "Rune", "Ruskonsulent", COUNSELLOR, "grenland"),
      new DemoUser("likemann", "Lars", "Likemann", MENTOR, "grenland"),
      new DemoUser("prosjektleder", "Pia", "Prosjektleder", PROJECT_LEADER, "grenland"),
      new DemoUser("radgiver", "Rita", "Rådgiver", ADVISER, "grenland"),
      new DemoUser("styringsgruppe", "Stein", "Styringsgruppe", STEERING_GROUP, "grenland"),
      new DemoUser("arbeidsgruppe", "Arne", "Arbeidsgruppe", WORKING_GROUP, "grenland"),
      // a second region, so that the boundary can be seen and tried
      new DemoUser("koordinatorsr", "Siri", "Sørvik", COORDINATOR, "sorRogaland"),
      new DemoUser("likemannsr", "Lise", "Berg", MENTOR, "sorRogaland"),
      new DemoUser("styringsgruppesr", "Sverre", "Sola", STEERING_GROUP, "sorRogaland"));

  private final IdentityService identity;
  private final AccessSetup access;
  private final MentorRegister mentors;
  private final MentorYear year;

  public DemoData(IdentityService identity, AccessSetup access, MentorRegister mentors, MentorYear year) {
    this.identity = identity;
    this.access = access;
    this.mentors = mentors;
    this.year = year;
  }

  public void seed() {
    for (DemoUser u : USERS) {
      if (identity.createUserQuery().userId(u.id()).count() == 0) {
        User user = identity.newUser(u.id());
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        user.setEmail(u.id() + "@likemann.example");
        user.setPassword(u.id());
        access.saveUser(user, true);
      }
      access.ensureMembership(u.id(), u.group());
      access.ensureTenantMembership(u.region(), u.id());
    }
    // the demo counsellor works for Skien, where the demo referrals come from
    access.ensureMembership("ruskonsulent", Roles.counsellorsOf("skien"));
    if (mentors.findAll().isEmpty()) {
      mentors.add(new NewMentor("likemann", "Lars Likemann", MentorStatus.ACTIVE, "grenland", "skien", "male", 1978,
          "own", "Rusfri siden 2015, erfaring med alkohol og piller",
          "fiske, friluftsliv, fotball, jobb", 2));
      mentors.add(new NewMentor(null, "Kari Nilsen", MentorStatus.ACTIVE, "grenland", "porsgrunn", "female", 1985,
          "own", "Rusfri siden 2016, erfaring med amfetamin",
          "trening, musikk, barn, utdanning", 2));
      mentors.add(new NewMentor(null, "Per Hansen", MentorStatus.ACTIVE, "grenland", "bamble", "male", 1970,
          "own", "Rusfri siden 2010, erfaring med alkohol",
          "snekring, båt, jobb, fiske", 2));
      mentors.add(new NewMentor(null, "Nina Lund", MentorStatus.ACTIVE, "grenland", "skien", "female", 1975,
          "nextOfKin", "Pårørende, sønn i rusbehandling",
          "strikking, turer, familie", 1));
      mentors.add(new NewMentor("likemannsr", "Lise Berg", MentorStatus.ACTIVE, "sorRogaland", "stavanger", "female", 1990,
          "own", "Rusfri siden 2019, erfaring med cannabis",
          "trening, yoga, studier, musikk", 2));
      mentors.add(new NewMentor(null, "Ola Dahl", MentorStatus.ACTIVE, "agder", "kristiansand", "male", 1982,
          "own", "Rusfri siden 2018, erfaring med heroin",
          "gaming, musikk, bil, jobb", 2));
      mentors.add(new NewMentor(null, "Eva Moe", MentorStatus.PAUSED, "grenland", "kragero", "female", 1968,
          "own", "Rusfri siden 2012",
          "hagearbeid, turer", 2));
      // demo mentors are active from the start: their year (supervision, relapse routine) runs too
      mentors.findAll().stream().filter(m -> m.status() == MentorStatus.ACTIVE).forEach(m -> year.start(m.id()));
    }
  }
}
