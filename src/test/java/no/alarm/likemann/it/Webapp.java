package no.alarm.likemann.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A browser's session with a Camunda webapp: logged in as Tasklist's login page does, then its API. */
public final class Webapp {
  private final HttpClient http;
  private final CookieManager cookies;
  private final String base;

  private Webapp(String base) {
    this.base = base;
    this.cookies = new CookieManager();
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  private Webapp(Webapp same, String base) {
    this.base = base;
    this.cookies = same.cookies;
    this.http = same.http;
  }

  /**
   * The same browser (its cookies, so its login) at another address on the same host: another node behind the same
   * proxy. Cookies do not depend on the port.
   */
  Webapp at(String otherBase) {
    return new Webapp(this, otherBase);
  }

  public static Webapp logIn(String base, String user) throws Exception {
    return logIn(base, user, user);
  }

  public static Webapp logIn(String base, String user, String password) throws Exception {
    return logIn(base, user, password, "tasklist");
  }

  /** Logs in to the app (tasklist, cockpit, admin); the login fails for a user the app is not for. */
  public static Webapp logIn(String base, String user, String password, String appName) throws Exception {
    Webapp app = new Webapp(base);
    app.get("/camunda/app/tasklist/default/");
    HttpResponse<String> login = app.http.send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default/login/" + appName))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", app.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("login of " + user + ": " + login.body()).isEqualTo(200);
    return app;
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).findFirst().orElse("");
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("X-XSRF-TOKEN", xsrf()).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON POST as the webapp sends its queries, with the session's CSRF token as a page of the app holds it. */
  public HttpResponse<String> post(String path, String json) throws Exception {
    get("/camunda/api/engine/engine/");
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A JSON POST with the session's CSRF token as it stands (after a first {@link #get}), accepting {@code accept}:
   * one request, for timing a query as the webapp sends it.
   */
  public HttpResponse<String> postOnly(String path, String json, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
