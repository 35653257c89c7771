package io.github.devtoolssessions.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How sessions are written to standard output. */
enum Format {
  /** Aligned columns for people, with secrets in URLs masked. */
  TABLE,
  /** One JSON array (one object for get), the API's own fields and values. */
  JSON,
  /** One JSON object per line, written as pages arrive. */
  NDJSON;

  /** The name as typed on the command line. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code table}, {@code json} or {@code ndjson}, in any case. */
  static final class Converter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(value.strip())) {
          return f;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a format: use table, json or ndjson");
    }
  }
}
