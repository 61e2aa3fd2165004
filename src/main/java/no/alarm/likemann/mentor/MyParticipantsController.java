package no.alarm.likemann.mentor;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import no.alarm.likemann.readlog.RequestReads;
import no.alarm.likemann.security.RequestUsers;
import no.alarm.likemann.security.Roles;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/my-participants}: the participants the logged-in mentor follows, with what the coupling meeting
 * agreed (Tasklist's "Mine deltakere"). Mentors only; every other role 403, anonymous requests 401. Each participant
 * shown is a read of the case, and logged.
 */
@RestController
public class MyParticipantsController {

  private final MyParticipants participants;
  private final RequestUsers users;

  public MyParticipantsController(MyParticipants participants, RequestUsers users) {
    this.participants = participants;
    this.users = users;
  }

  /** Whether the user is a mentor with participants to show (Tasklist asks, to offer the list): 204, 403 or 401. */
  @GetMapping("/api/my-participants/access")
  public ResponseEntity<Void> access(HttpServletRequest request) {
    return users.access(request, user -> user.groups().contains(Roles.MENTOR) && participants.isMentor(user.id()));
  }

  @GetMapping("/api/my-participants")
  public ResponseEntity<List<MyParticipants.Participant>> mine(HttpServletRequest request) {
    var user = users.of(request);
    if (user.isEmpty()) {
      return RequestUsers.unauthorized(request);
    }
    if (!user.get().groups().contains(Roles.MENTOR)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    var mine = participants.of(user.get().id());
    if (mine.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    mine.get().forEach(p -> RequestReads.add(p.reference(), "mentor's participants"));
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(mine.get());
  }
}
