package no.alarm.likemann.referral;

/** A municipality in the service, with the region its mentors work in. */
public record Municipality(String code, String name, String region) {}
