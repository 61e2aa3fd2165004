package no.alarm.likemann.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of the project's API (/api) and the engine's REST API (/engine-rest), as Camunda's webapps
 * have theirs: every answer, a refusal included, is
 * <ul>
 *   <li>not to be guessed at by the browser ({@code X-Content-Type-Options: nosniff});</li>
 *   <li>not to be kept by a browser or a proxy ({@code Cache-Control: no-store}): these answers carry cases,
 *   tasks, reports and PDFs, and a shared computer's cache is no place for them;</li>
 *   <li>never shown inside another site's page ({@code frame-ancestors 'none'}, and {@code X-Frame-Options} for
 *   older browsers), and followed by no referrer.</li>
 * </ul>
 * HSTS is the business of whoever terminates TLS (the proxy: README, "Several nodes").
 */
public class ApiHeaders extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, new OneCacheControl(response));
  }

  /**
   * No-store, once, whatever else asks: a controller that says no-store itself does not say it twice, and the
   * engine's REST API, which says {@code no-cache} (kept, but revalidated), does not weaken it.
   */
  private static final class OneCacheControl extends HttpServletResponseWrapper {
    OneCacheControl(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }
  }
}
