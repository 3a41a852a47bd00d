package dev.aftermath.defection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer models of the last few fits in this JVM, by a SHA-256 digest of everything a fit
 * reads (the grouped histories, the held-out rows, the spans of the held-out windows). A fit is a
 * pure function of those, so a run that fits the same inputs again, as the sensitivity run's value
 * horizon variants do, gets the same models without the minutes of likelihood evaluations.
 */
final class RecentFits {
  static final int KEPT = 4;

  private static final Map<String, CustomerModels> KEPT_FITS =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CustomerModels> eldest) {
          return size() > KEPT;
        }
      };

  private RecentFits() {}

  static synchronized CustomerModels get(String key) {
    return KEPT_FITS.get(key);
  }

  static synchronized void put(String key, CustomerModels models) {
    KEPT_FITS.put(key, models);
  }

  /** A digest of values added in order; each value's kind is part of it. */
  static final class Key {
    private final MessageDigest sha;
    private final ByteBuffer buffer = ByteBuffer.allocate(9);

    Key() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    Key add(double v) {
      buffer.clear();
      buffer.put((byte) 'd').putLong(Double.doubleToRawLongBits(v));
      sha.update(buffer.array(), 0, buffer.position());
      return this;
    }

    Key add(long v) {
      buffer.clear();
      buffer.put((byte) 'l').putLong(v);
      sha.update(buffer.array(), 0, buffer.position());
      return this;
    }

    Key add(double[] values) {
      add((long) values.length);
      for (double v : values) {
        add(v);
      }
      return this;
    }

    Key add(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      add((long) bytes.length);
      sha.update(bytes);
      return this;
    }

    String digest() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }
}
