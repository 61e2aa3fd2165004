package no.alarm.likemann;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Adds an interceptor of ours to the engine's command chains, inside the command context (both transactions). */
public final class CommandInterceptors {

  private CommandInterceptors() {}

  public static void addInside(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor));
  }

  /**
   * A field of one of the engine's commands (they keep their input in protected fields, without getters), looked up
   * through the class and its superclasses; null when it is null or, unless {@code required}, when the command has no
   * such field. A required field that is not there means this Camunda (or Operaton) version keeps the command's input
   * elsewhere: it fails loudly, and the integration tests say which.
   */
  public static Object field(Object command, String name, boolean required) {
    for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
      try {
        java.lang.reflect.Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    if (required) {
      throw new IllegalStateException("The engine's " + command.getClass().getName() + " has no field " + name
          + ": this engine version keeps its input elsewhere");
    }
    return null;
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
    List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.add(added);
    return all;
  }
}
