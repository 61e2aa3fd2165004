package no.alarm.likemann.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks on the server what the forms check in the browser: the REST API bypasses forms. The rules come from the
 * deployed .form files themselves, plus the domain rules. Plain Java: tested without the engine.
 */
@org.springframework.stereotype.Component
public class FormInputValidator {

  /**
   * No date in any form lies outside these years: the earliest a mentor's sobriety or a participant's history could
   * start, the latest any plan could reach. Dates of the journey's own events have narrower rules of their own.
   */
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2100;

  private final List<FormRules> domainRules;
  private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

  public FormInputValidator(List<FormRules> domainRules) {
    this.domainRules = List.copyOf(domainRules);
  }

  /**
   * Against the application's own form {@code forms/<formId>.form}: throws {@link InvalidFormInputException} listing
   * every refused field, or returns quietly.
   */
  public void validate(String formId, FormInput input) {
    validate(formId, schema(formId), input);
  }

  /** Against the given form (the one deployed with the task's process), and the domain rules of its id. */
  public void validate(String formId, FormSchema schema, FormInput input) {
    List<Violation> violations = violations(formId, schema, input);
    if (!violations.isEmpty()) {
      throw new InvalidFormInputException(formId, violations);
    }
  }

  public List<Violation> violations(String formId, FormInput input) {
    return violations(formId, schema(formId), input);
  }

  private List<Violation> violations(String formId, FormSchema schema, FormInput input) {
    List<Violation> violations = new ArrayList<>();
    if (schema != null) {
      for (FormSchema.Field field : schema.fields()) {
        check(field, input, violations, "", "");
      }
      for (FormSchema.ObjectField object : schema.objects()) {
        checkObject(object, input, violations);
      }
    }
    for (FormRules rules : domainRules) {
      rules.check(formId, input, violations);
    }
    return violations;
  }

  public FormSchema schema(String formId) {
    return schemas.computeIfAbsent(formId, FormInputValidator::load);
  }

  private static FormSchema load(String formId) {
    try (InputStream in = FormInputValidator.class.getResourceAsStream("/forms/" + formId + ".form")) {
      if (in == null) {
        throw new IllegalStateException("No form forms/" + formId + ".form on the class path");
      }
      return FormSchema.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A group's object is checked like a form of its own, its fields named by the group's label. */
  private static void checkObject(FormSchema.ObjectField object, FormInput input, List<Violation> out) {
    if (input.get(object.path()) == null) {
      if (!object.conditional()) {
        out.add(new Violation(object.path(), "«" + object.label() + "» må fylles ut.", object.path() + " is required"));
      }
      return;
    }
    FormInput item = input.object(object.path());
    if (item == null) {
      out.add(new Violation(object.path(), "«" + object.label() + "» har feil form.",
          object.path() + " must be an object"));
      return;
    }
    for (FormSchema.Field f : object.items()) {
      check(f, item, out, object.label() + ": ", object.path() + ".");
    }
  }

  private static void check(FormSchema.Field f, FormInput input, List<Violation> out, String where, String path) {
    Object value = input.get(f.key());
    String label = where + "«" + f.label() + "»";
    String key = path + f.key();
    if (input.isEmpty(f.key())) {
      // A checkbox always has an answer in the form (unticked is "no"); through the API it must be given too,
      // because gateways decide on it.
      if ((f.required() && !f.conditional()) || "checkbox".equals(f.type())) {
        out.add(new Violation(key, label + " må fylles ut.", key + " is required"));
      }
      return;
    }
    switch (f.type()) {
      case "checkbox" -> {
        if (!(value instanceof Boolean b)) {
          out.add(new Violation(key, label + " må være ja eller nei.", key + " must be a boolean"));
        } else if (f.required() && !b) {
          out.add(new Violation(key, label + " må krysses av.", key + " must be true"));
        }
      }
      case "number" -> {
        if (!(value instanceof Number n) || !isWhole(n)) {
          out.add(new Violation(key, label + " må være et helt tall.", key + " must be a whole number"));
        } else if (f.min() != null && n.doubleValue() < f.min()) {
          out.add(new Violation(key, label + " må være minst " + fmt(f.min()) + ".",
              key + " must be at least " + fmt(f.min())));
        } else if (f.max() != null && n.doubleValue() > f.max()) {
          out.add(new Violation(key, label + " kan ikke være mer enn " + fmt(f.max()) + ".",
              key + " must be at most " + fmt(f.max())));
        }
      }
      case "textfield", "textarea" -> {
        if (!(value instanceof String s)) {
          out.add(new Violation(key, label + " må være tekst.", key + " must be a string"));
        } else if (f.maxLength() != null && s.length() > f.maxLength()) {
          out.add(new Violation(key, label + " kan ha høyst " + f.maxLength() + " tegn.",
              key + " must be at most " + f.maxLength() + " characters"));
        } else if (f.minLength() != null && s.strip().length() < f.minLength()) {
          out.add(new Violation(key, label + " må ha minst " + f.minLength() + " tegn.",
              key + " must be at least " + f.minLength() + " characters"));
        }
      }
      case "select", "radio" -> {
        // choices from data (valuesKey, the register) are checked by the rules and services that act on them, against
        // the register itself
        if (!(value instanceof String s) || (!f.choicesFromData() && !f.values().contains(s))) {
          out.add(new Violation(key, label + " har et ugyldig valg.", key + " is not one of the allowed values"));
        }
      }
      case "checklist", "taglist" -> {
        List<String> chosen = input.choices(f.key());
        if (chosen == null) {
          out.add(new Violation(key, label + " må være en liste med valg.", key + " must be a list of choices"));
        } else if (!f.choicesFromData() && !f.values().containsAll(chosen)) {
          out.add(new Violation(key, label + " har et ugyldig valg.", key + " holds a value that is not allowed"));
        } else if (f.required() && !f.conditional() && chosen.isEmpty()) {
          out.add(new Violation(key, label + " må fylles ut.", key + " is required"));
        }
      }
      case "datetime" -> {
        if ("time".equals(f.subtype())) {
          if (!(value instanceof String s) || !isTime(s)) {
            out.add(new Violation(key, label + " må være et klokkeslett (tt:mm).", key + " must be a time (hh:mm)"));
          }
        } else if (!(value instanceof String s) || !isDate(s)) {
          out.add(new Violation(key, label + " må være en dato (åååå-mm-dd).", key + " must be a date (yyyy-mm-dd)"));
        } else if (FormInput.parseDate(s).getYear() < FIRST_YEAR || FormInput.parseDate(s).getYear() > LAST_YEAR) {
          out.add(new Violation(key, label + " må være en dato mellom " + FIRST_YEAR + " og " + LAST_YEAR + ".",
              key + " must be a date between " + FIRST_YEAR + " and " + LAST_YEAR));
        }
      }
      default -> { }
    }
  }

  private static boolean isWhole(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short
        || (Double.isFinite(n.doubleValue()) && n.doubleValue() == Math.rint(n.doubleValue()));
  }

  private static boolean isDate(String s) {
    return FormInput.parseDate(s) != null;
  }

  /** hh:mm, or hh:mm:ss as a time picker may send it; nothing after it. */
  private static boolean isTime(String s) {
    String t = s.strip();
    if (t.length() != 5 && t.length() != 8) {
      return false;
    }
    try {
      LocalTime.parse(t);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
