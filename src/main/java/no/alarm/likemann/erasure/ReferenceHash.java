package no.alarm.likemann.erasure;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What the erasure keeps of an erased reference: a salted, slow hash (PBKDF2 with HMAC-SHA-256), so that one can
 * check whether a given reference was erased, but not list which were. A reference has few possible values
 * (HEN-year-number): a fast or unsalted hash would give them all back in seconds; this costs each guess about a
 * tenth of a second per erasure.
 */
final class ReferenceHash {

  private static final int ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ReferenceHash() {}

  static String of(String reference) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
        + Base64.getEncoder().encodeToString(derive(reference, salt, ITERATIONS));
  }

  static boolean matches(String reference, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(reference, Base64.getDecoder().decode(parts[2]),
        Integer.parseInt(parts[1])));
  }

  private static byte[] derive(String reference, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(reference.toCharArray(), salt, iterations, 256)).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    }
  }
}
