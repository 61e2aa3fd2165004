package no.alarm.likemann.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SMTP server for tests that keeps the recipients of each message it accepts: enough of the protocol for
 * Jakarta Mail without authentication or TLS. One connection at a time, as the task e-mail sends them.
 */
final class FakeSmtp implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> recipients = new ArrayList<>();
  private final Thread accepting;

  FakeSmtp() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    accepting = new Thread(this::serve, "fake-smtp");
    accepting.setDaemon(true);
    accepting.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** One entry per recipient of each accepted message. */
  synchronized List<String> recipients() {
    return List.copyOf(recipients);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        converse(s);
      } catch (IOException e) {
        // closed, or the client went away: next connection
      }
    }
  }

  private void converse(Socket s) throws IOException {
    var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    var out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
    reply(out, "220 fake-smtp");
    List<String> to = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        reply(out, "250 fake-smtp");
      } else if (command.startsWith("MAIL FROM")) {
        to.clear();
        reply(out, "250 OK");
      } else if (command.startsWith("RCPT TO")) {
        to.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
        reply(out, "250 OK");
      } else if (command.equals("DATA")) {
        reply(out, "354 go on");
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // the message itself is not kept
        }
        synchronized (this) {
          recipients.addAll(to);
        }
        reply(out, "250 OK");
      } else if (command.equals("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "250 OK");
      }
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
