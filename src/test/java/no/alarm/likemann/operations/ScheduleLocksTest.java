package no.alarm.likemann.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * On several nodes every scheduled piece of work runs once: each {@code @Scheduled} method of the application holds
 * a lock of its own, named in {@link ScheduleLocks}, for at least a moment and at most a bounded time.
 */
class ScheduleLocksTest {

  @Test
  void everyScheduleHoldsALockOfItsOwnNamedInOnePlace() throws Exception {
    Set<String> names = new TreeSet<>();
    for (Field f : ScheduleLocks.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        names.add((String) f.get(null));
      }
    }
    List<Method> scheduled = scheduledMethods();
    assertThat(scheduled).as("the application's schedules").hasSizeGreaterThanOrEqualTo(8);

    Map<String, Method> byLock = new HashMap<>();
    for (Method m : scheduled) {
      String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
      SchedulerLock lock = m.getAnnotation(SchedulerLock.class);
      assertThat(lock).as(where + " holds a lock").isNotNull();
      assertThat(names).as(where + "'s lock is named in ScheduleLocks").contains(lock.name());
      assertThat(byLock.put(lock.name(), m)).as(where + "'s lock is its own").isNull();
      assertThat(Modifier.isPublic(m.getModifiers())).as(where + " is public, so the lock's proxy sees the call")
          .isTrue();
      Duration most = Duration.parse(lock.lockAtMostFor());
      Duration least = Duration.parse(lock.lockAtLeastFor());
      assertThat(least).as(where + " holds its lock a moment at least").isPositive();
      assertThat(most).as(where + ": at most, bounded and longer than at least").isGreaterThan(least)
          .isLessThanOrEqualTo(Duration.ofHours(2));
    }
    assertThat(byLock.keySet()).as("every lock name is used").isEqualTo(names);
  }

  @Test
  void aSessionAttributeOfAnyOtherClassIsRefusedWhenReadBack() throws Exception {
    var auths = new org.camunda.bpm.webapp.impl.security.auth.Authentications();
    var user = new org.camunda.bpm.webapp.impl.security.auth.UserAuthentication("koordinator", "default");
    user.setGroupIds(new ArrayList<>(List.of("coordinators")));
    user.setTenantIds(List.of("region-grenland"));
    user.setAuthorizedApps(new java.util.HashSet<>(Set.of("tasklist", "cockpit")));
    user.setCacheValidationTime(new java.util.Date());
    auths.addOrReplace(user);

    Object back = ClusterConfiguration.readAttribute(new java.io.ByteArrayInputStream(bytes(auths)));
    assertThat(back).isInstanceOfSatisfying(org.camunda.bpm.webapp.impl.security.auth.Authentications.class,
        a -> assertThat(a.getAuthenticationForProcessEngine("default").getName()).isEqualTo("koordinator"));
    assertThat(ClusterConfiguration.readAttribute(new java.io.ByteArrayInputStream(bytes("token-123"))))
        .isEqualTo("token-123");

    // a class outside the list, however harmless, is not read
    byte[] other = bytes(new java.net.URI("https://example.invalid/"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClusterConfiguration.readAttribute(
        new java.io.ByteArrayInputStream(other))).isInstanceOf(java.io.InvalidClassException.class);
  }

  private static byte[] bytes(Object o) throws java.io.IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (var objects = new java.io.ObjectOutputStream(out)) {
      objects.writeObject(o);
    }
    return out.toByteArray();
  }

  private static List<Method> scheduledMethods() throws Exception {
    List<Method> found = new ArrayList<>();
    ClassLoader loader = ScheduleLocksTest.class.getClassLoader();
    for (Resource r : new PathMatchingResourcePatternResolver(loader)
        .getResources("classpath*:no/alarm/likemann/**/*.class")) {
      String path = r.getURL().getPath();
      if (path.contains("/test-classes/")) {
        continue;
      }
      String name = path.substring(path.lastIndexOf("no/alarm/likemann/"), path.length() - ".class".length())
          .replace('/', '.');
      Class<?> type = Class.forName(name, false, loader);
      for (Method m : type.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Scheduled.class)) {
          found.add(m);
        }
      }
    }
    return found;
  }
}
