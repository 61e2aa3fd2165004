package no.alarm.likemann.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several nodes on one database (issue 16). The engine coordinates its own work across nodes (the job executor's
 * locks, optimistic locking); this is the rest:
 * <ul>
 *   <li>each {@code @Scheduled} piece of work runs on one node at a time: ShedLock on table {@code shedlock}, with
 *   the database's clock, so that the nodes' clocks need not agree (names and lock times: {@link ScheduleLocks});</li>
 *   <li>the webapps' logins live in the database (Spring Session JDBC, tables {@code spring_session*}), so a node
 *   that stops logs no one out. What a session holds is Camunda's authentication of its user and the CSRF token;
 *   Spring Session stores attributes as Java serialization, so reading them back admits only those classes.</li>
 * </ul>
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class ClusterConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

  /**
   * The classes a session attribute may be made of: Camunda's authentication (its user, groups, tenants and apps,
   * and when they were last checked) and plain values. Anything else is refused when read back.
   */
  static final String SESSION_CLASSES = "maxdepth=8;maxrefs=10000;maxbytes=262144;"
      + "org.camunda.bpm.webapp.impl.security.auth.*;java.lang.Object;java.lang.String;java.lang.Number;"
      + "java.lang.Long;java.lang.Integer;java.lang.Boolean;java.util.*;!*";

  @Bean
  LockProvider scheduleLockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .withTableName("shedlock")
        .usingDbTime()
        .build());
  }

  /**
   * The engine's ids in the order they are made ({@link TimeOrderedIds}); {@code camunda.bpm.id-generator=strong}
   * gives back the starter's own.
   */
  @Bean
  @ConditionalOnProperty(prefix = "camunda.bpm", name = "id-generator", havingValue = "time-ordered",
      matchIfMissing = true)
  IdGenerator engineIds() {
    return new TimeOrderedIds();
  }

  /** For work that is not a {@code @Scheduled} method: the follow-up calendar's pass when the application starts. */
  @Bean
  LockingTaskExecutor scheduleLocks(LockProvider locks) {
    return new DefaultLockingTaskExecutor(locks);
  }

  /** How Spring Session JDBC writes and reads a session's attributes (the bean name is Spring Session's). */
  @Bean("springSessionConversionService")
  ConversionService springSessionConversionService() {
    GenericConversionService conversions = new GenericConversionService();
    conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
    conversions.addConverter(byte[].class, Object.class, new DeserializingConverter(ClusterConfiguration::readAttribute));
    return conversions;
  }

  static Object readAttribute(InputStream in) throws IOException {
    ObjectInputFilter allowed = ObjectInputFilter.Config.createFilter(SESSION_CLASSES);
    try (ObjectInputStream objects = new ObjectInputStream(in)) {
      objects.setObjectInputFilter(allowed);
      return objects.readObject();
    } catch (java.io.InvalidClassException e) {
      LOG.warn("A session attribute was refused: {}", e.getMessage());
      throw e;
    } catch (ClassNotFoundException e) {
      throw new IOException("Session attribute of an unknown class: " + e.getMessage(), e);
    }
  }
}
