package no.alarm.likemann.support;

import static no.alarm.likemann.journey.ParticipantJourney.Var.*;

import java.util.HashMap;
import java.util.Map;

/** A complete, valid referral as the start form submits it; tests change what they are about. */
public final class Referrals {

  private Referrals() {}

  public static Map<String, Object> valid() {
    Map<String, Object> v = new HashMap<>();
    v.put(MUNICIPALITY, "skien");
    v.put(AGE, 27);
    v.put(GENDER, "male");
    v.put(MENTOR_GENDER_WISH, "none");
    v.put(SUBSTANCE_HISTORY, "Alkohol og piller");
    v.put(FUTURE_WISHES, "Komme i jobb");
    v.put(TREATMENT_STATUS, "during");
    v.put(AT_RISK_OF_FALLING_OUT, true);
    v.put(HAS_INDIVIDUAL_PLAN, true);
    v.put(HAS_BRUKERPLAN, true);
    v.put(REFERRAL_CONSENT, true);
    return v;
  }

  public static Map<String, Object> with(Object... keysAndValues) {
    Map<String, Object> v = valid();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      v.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return v;
  }
}
