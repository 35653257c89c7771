package io.github.devtoolssessions.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The library's own version, written into a resource by the build. */
public final class LibraryVersion {

  private static final String VERSION = load();

  private LibraryVersion() {}

  /** The version, such as {@code 0.1.0}; {@code unknown} if the build did not record it. */
  public static String get() {
    return VERSION;
  }

  /** The User-Agent the library sends: {@code devtools-sessions-java/0.1.0 (Java 17.0.15)}. */
  public static String userAgent() {
    return "devtools-sessions-java/" + VERSION + " (Java " + Runtime.version().feature() + ")";
  }

  private static String load() {
    try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the library version", e);
    }
  }
}
