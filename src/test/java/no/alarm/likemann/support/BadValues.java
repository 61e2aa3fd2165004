package no.alarm.likemann.support;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import no.alarm.likemann.forms.FormSchema;

/**
 * The bad values every form field is tried with, each named for the report: wrong types, numbers too big for any id,
 * text over the form's limit, NUL characters, dates with trailing text or from another century, choices not offered,
 * serialized Java objects. The caller says how a JSON value and a serialized Java object are written (the Java API's
 * typed values, or the REST API's).
 */
public final class BadValues {

  private BadValues() {}

  public static Map<String, Object> of(FormSchema.Field f, Function<String, Object> json, Object serializedObject) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("serialized Java object", serializedObject);
    switch (f.type()) {
      case "textfield", "textarea" -> {
        v.put("a number", 12345);
        v.put("a boolean", true);
        v.put("JSON", json.apply("{\"a\":1}"));
        v.put("a NUL", "a\u0000b");
        v.put("over the limit", "x".repeat(f.maxLength() == null ? 4001 : f.maxLength() + 1));
      }
      case "number" -> {
        v.put("text", "abc");
        v.put("past any long", new BigInteger("99999999999999999999"));
        v.put("1e300", 1e300);
        v.put("a fraction", 1.5);
        v.put("a boolean", true);
      }
      case "select", "radio" -> {
        v.put("a number", 7);
        if (f.valuesKey() == null) {
          v.put("not offered", "finnes-ikke");
        } else {
          v.put("an id that is not a number", "abc");
          v.put("an id past any long", "99999999999999999999");
          v.put("a negative id", "-1");
        }
      }
      case "checkbox" -> {
        v.put("text", "yes");
        v.put("a number", 1);
      }
      case "datetime" -> {
        if ("time".equals(f.subtype())) {
          v.put("an hour past 23", "25:99");
          v.put("trailing text", "10:00xyz");
        } else {
          v.put("trailing text", "2026-11-24xyz");
          v.put("the year 1", "0001-01-01");
          v.put("the 19th century", "1899-12-31");
          v.put("month 13", "2026-13-45");
          v.put("a number", 20261124);
          v.put("far in the future", "+999999999-12-31");
        }
      }
      default -> { }
    }
    return v;
  }
}
