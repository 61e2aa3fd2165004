package no.alarm.likemann.security.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, but without the query it makes in every command that checks authorizations:
 * which groups have any authorization at all ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}), to
 * leave the user's other groups out of the check. The engine keeps a row there for every open task and its
 * candidate group, so at the size of a national service (100,000 open tasks) that query read every row, 29 ms on
 * PostgreSQL, three or four times for each page Tasklist shows (issue 16, {@code NationalBenchmark}).
 *
 * <p>Leaving a group in that has no authorization changes no answer: the check asks for rows of the user's groups,
 * and a group without rows adds none. Our users are in a handful of groups (a role, sometimes two); a user in more
 * than {@link #FEW} groups (a directory's) gets the engine's own filter, so that the check's list stays short.
 */
public class KnownGroupsAuthorizationManager extends AuthorizationManager {

  /** Up to this many groups a user's list goes to the check as it is. */
  static final int FEW = 20;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return new ArrayList<>();
    }
    if (authenticatedGroupIds.size() > FEW) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
  }
}
