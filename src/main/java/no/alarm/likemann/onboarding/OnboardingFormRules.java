package no.alarm.likemann.onboarding;

import static no.alarm.likemann.onboarding.MentorOnboarding.Element.*;
import static no.alarm.likemann.onboarding.MentorOnboarding.Var.*;

import java.time.LocalDate;
import java.util.List;

import no.alarm.likemann.calendar.OsloCalendar;
import no.alarm.likemann.forms.FormInput;
import no.alarm.likemann.forms.FormRules;
import no.alarm.likemann.forms.Violation;
import no.alarm.likemann.onboarding.MentorOnboarding.Course;
import no.alarm.likemann.referral.MunicipalityRegistry;

import org.springframework.stereotype.Component;

/** The onboarding's rules that a form cannot state by itself. */
@Component
public class OnboardingFormRules implements FormRules {

  private final MunicipalityRegistry municipalities;
  private final OnboardingRegister onboarding;
  private final OsloCalendar oslo;

  public OnboardingFormRules(MunicipalityRegistry municipalities, OnboardingRegister onboarding, OsloCalendar oslo) {
    this.municipalities = municipalities;
    this.onboarding = onboarding;
    this.oslo = oslo;
  }

  @Override
  public void check(String formId, FormInput in, List<Violation> out) {
    LocalDate today = oslo.todayDate();
    switch (formId) {
      case CANDIDATE_REGISTERED -> {
        String code = in.string(MUNICIPALITY);
        if (code != null && municipalities.find(code).isEmpty()) {
          out.add(new Violation(MUNICIPALITY, "Kommunen «" + code + "» er ikke med i tjenesten.",
              "municipality is not a municipality of the service"));
        }
        notInFuture(in, out, SOBER_SINCE, today);
        if (in.get(BIRTH_YEAR) instanceof Number year) {
          if (today.getYear() - year.intValue() < 18) {
            out.add(new Violation(BIRTH_YEAR, "Kandidaten må være minst 18 år.",
                "birthYear makes the candidate younger than 18"));
          } else if (today.getYear() - year.intValue() > 120) {
            out.add(new Violation(BIRTH_YEAR, "Fødselsåret er ikke mulig.", "birthYear is more than 120 years ago"));
          }
        }
      }
      case ASSESS_SUITABILITY -> {
        if (MentorOnboarding.Value.REJECT.equals(in.get(SUITABILITY_DECISION)) && in.isEmpty(SUITABILITY_REASON)) {
          out.add(new Violation(SUITABILITY_REASON, "Skriv en begrunnelse når kandidaten ikke er egnet.",
              "suitabilityReason is required when the candidate is rejected"));
        }
      }
      case COMPLETE_BEDRE_HVERDAG, COMPLETE_BRUKERREPRESENTANT, COMPLETE_LIKEMANNSKURS -> {
        Course course = Course.BY_TASK.get(formId);
        notInFuture(in, out, course.dateVariable(), today);
        if (in.get(MENTOR_ID) instanceof Number mentorId && onboarding.courseCompleted(mentorId.longValue(), course.code)) {
          out.add(new Violation(course.dateVariable(), "Kurset «" + course.title + "» er allerede registrert som"
              + " fullført.", "course " + course.code + " is already completed"));
        }
      }
      case COMPLETE_SCHOOL_HOURS -> notInFuture(in, out, SUPPLEMENT_COMPLETED_ON, today);
      case SIGN_CONFIDENTIALITY_DECLARATION -> notInFuture(in, out, CONFIDENTIALITY_SIGNED_ON, today);
      default -> { }
    }
  }

  private static void notInFuture(FormInput in, List<Violation> out, String key, LocalDate today) {
    LocalDate date = in.date(key);
    if (date != null && date.isAfter(today)) {
      out.add(new Violation(key, "Datoen kan ikke være fram i tid.", key + " must not be in the future"));
    }
  }
}
