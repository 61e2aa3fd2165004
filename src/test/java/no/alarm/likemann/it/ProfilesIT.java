package no.alarm.likemann.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.alarm.likemann.LikemannApplication;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Only the default profile seeds demo data; every other profile needs the administrator's password. */
class ProfilesIT {

  /** Command-line arguments: they outrank application.yaml, as an operator's settings do. */
  private static ConfigurableApplicationContext run(String profile, String database, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
    args[1] = "--server.port=0";
    args[2] = "--camunda.bpm.job-execution.enabled=false";
    System.arraycopy(more, 0, args, 3, more.length);
    return new SpringApplicationBuilder(LikemannApplication.class).profiles(profile).run(args);
  }

  /**
   * Camunda's webapp filters find their application context in a static field, cleared only when a context closes.
   * A start these tests make fail never closes, so the next application in this JVM (the next test here, the
   * journeys' suites after it) would start its filters against the failed one: cleared here, as a closing would.
   */
  @AfterEach
  void forgetTheFailedContext() {
    new LazyInitRegistration().setApplicationContext(null);
  }

  @Test
  void anyOtherProfileRefusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> run("production", "no-password").close())
        .hasStackTraceContaining("LIKEMANN_ADMIN_PASSWORD must be set");
  }

  @Test
  void anyOtherProfileRefusesAWeakAdministratorPassword() {
    assertThatThrownBy(() -> run("production", "weak-password", "--likemann.admin.password=s3cret-from-env")
        .close()).hasStackTraceContaining("LIKEMANN_ADMIN_PASSWORD does not meet the password policy");
  }

  /** Behind HTTPS the operator sets LIKEMANN_SECURE_COOKIES=true: the webapps' cookies go over HTTPS only. */
  @Test
  void behindHttpsTheCookiesAreSecure() throws Exception {
    try (ConfigurableApplicationContext context = run("production", "secure-cookies",
        "--likemann.admin.password=S3cret-from-env", "--LIKEMANN_SECURE_COOKIES=true")) {
      int port = ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer().getPort();
      var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());

      assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
          .singleElement().asString().contains("Secure", "HttpOnly", "SameSite=Lax");
      assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
          .singleElement().asString().contains("Secure", "SameSite=Lax");
      // the daily task e-mail is off unless turned on
      assertThat(context.getBeansOfType(no.alarm.likemann.notify.TaskDigestSchedule.class)).isEmpty();
    }
  }

  @Test
  void anyOtherProfileSeedsNoDemoUsersOrMentors() {
    try (ConfigurableApplicationContext context = run("production", "no-demo",
        "--likemann.admin.password=S3cret-from-env", "--LIKEMANN_TASK_DIGEST_ENABLED=true",
        "--spring.mail.host=smtp.example.invalid", "--LIKEMANN_PUBLIC_URL=https://likemann.example.no/")) {
      // the daily task e-mail, turned on with an SMTP server, links to the address people use
      assertThat(context.getBeansOfType(no.alarm.likemann.notify.TaskDigestSchedule.class)).hasSize(1);
      assertThat(context.getBean(no.alarm.likemann.notify.TaskDigests.class).tasklistUrl())
          .isEqualTo("https://likemann.example.no/camunda/app/tasklist/");
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("admin");
      assertThat(identity.checkPassword("admin", "S3cret-from-env")).isTrue();
      // every real user's password meets the policy, in the REST API and Admin as here
      var weak = identity.newUser("kari");
      weak.setPassword("kari12345");
      assertThatThrownBy(() -> identity.saveUser(weak)).hasMessageContaining("policy");
      assertThat(identity.createUserQuery().userId("kari").count()).isZero();
      assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM mentor", Integer.class))
          .isZero();
    }
  }
}
