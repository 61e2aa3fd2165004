package no.alarm.likemann.webapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The pages of Tasklist, Cockpit, Admin and the welcome page say they are Norwegian, as their texts are (ADR 7).
 * Camunda's {@code index.html} says {@code <html lang="en">}: a browser then offers to translate the page from English,
 * and a screen reader reads Norwegian words with an English voice. Only the page itself is rewritten (a few kilobytes,
 * once per visit); scripts, styles and the API pass untouched.
 */
public class NorwegianPages extends OncePerRequestFilter {

  /** An app's page for an engine: {@code /camunda/app/tasklist/default/}. */
  static final Pattern PAGE = Pattern.compile("/camunda/app/(tasklist|cockpit|admin|welcome)/[^/]+/?");

  static final String LANGUAGE = "nb";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var page = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, page);
    String type = page.getContentType();
    if (type != null && type.startsWith("text/html")) {
      Charset charset = Charset.forName(page.getCharacterEncoding());
      String html = new String(page.getContentAsByteArray(), charset);
      page.resetBuffer();
      page.getOutputStream().write(norwegian(html).getBytes(charset));
      page.setHeader("Content-Language", LANGUAGE);
    }
    page.copyBodyToResponse();
  }

  /** The page with its language set to Norwegian bokmål; nothing else in it changes. */
  static String norwegian(String html) {
    return html.replaceFirst("<html lang=\"[^\"]*\"", "<html lang=\"" + LANGUAGE + "\"");
  }
}
