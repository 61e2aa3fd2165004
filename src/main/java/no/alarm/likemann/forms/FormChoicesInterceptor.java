package no.alarm.likemann.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Hands out a deployed form (a task's or a start event's, to Tasklist, /engine-rest and the Java API alike) with its
 * register choices filled for the person who asks ({@link FormChoices}). Sits inside the command context, where the
 * person's groups and tenants are known.
 */
public class FormChoicesInterceptor extends CommandInterceptor {

  private final FormChoices choices;

  public FormChoicesInterceptor(FormChoices choices) {
    this.choices = choices;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    T result = next.execute(command);
    if (command instanceof AbstractGetDeployedFormCmd && result instanceof InputStream form) {
      Authentication who = Context.getCommandContext().getAuthentication();
      try (form) {
        return (T) new ByteArrayInputStream(choices.fill(form.readAllBytes(),
            who == null ? null : who.getGroupIds(), who == null ? null : who.getTenantIds()));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read a deployed form", e);
      }
    }
    return result;
  }
}
