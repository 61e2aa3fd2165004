package no.alarm.likemann.mentor;

public enum MentorStatus { CANDIDATE, ACTIVE, PAUSED, LEFT }
