package io.github.devtoolssessions.json.jackson;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's description of a parse error with the body's own text taken out.
 *
 * <p>Jackson quotes what it could not read: a bare word up to 256 characters ({@code Unrecognized
 * token 'abc...'}), a single character ({@code Unexpected character ('}' (code 125))}). A word can
 * be a credential an echoing proxy sent back, so every quoted run longer than one character is
 * replaced by its length, except the JSON literals Jackson names in its expectations. One character
 * says where the body went wrong and cannot carry a secret.
 */
final class ParseProblem {

  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
  private static final Set<String> LITERALS = Set.of("null", "true", "false");

  private ParseProblem() {}

  static String describe(String jacksonMessage) {
    if (jacksonMessage == null || jacksonMessage.isBlank()) {
      return "the parser gave no reason";
    }
    Matcher quoted = QUOTED.matcher(jacksonMessage);
    StringBuilder out = new StringBuilder(jacksonMessage.length());
    while (quoted.find()) {
      String text = quoted.group(1);
      // Quotes pair up left to right, so a one-character quote never starts a longer match.
      String shown =
          text.length() < 2 || LITERALS.contains(text)
              ? quoted.group()
              : "'<" + text.length() + " characters, not shown>'";
      quoted.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    quoted.appendTail(out);
    return out.toString();
  }
}
