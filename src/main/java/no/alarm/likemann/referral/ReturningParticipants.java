package no.alarm.likemann.referral;

import java.util.Collection;
import java.util.List;

/** The participants of these municipalities who may be referred again, by their latest referral. */
@FunctionalInterface
public interface ReturningParticipants {
  List<ReferralRegistry.Known> returning(Collection<String> municipalities);
}
