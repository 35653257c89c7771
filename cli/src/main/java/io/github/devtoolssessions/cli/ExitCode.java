package io.github.devtoolssessions.cli;

/** The tool's exit codes; scripts branch on them, so they never change meaning. */
final class ExitCode {

  /** The command did what was asked. */
  static final int OK = 0;

  /** An unexpected failure (a bug; --verbose shows where), or standard output was closed. */
  static final int FAILURE = 1;

  /** The command line is wrong: an unknown option, a value out of range. Nothing was sent. */
  static final int USAGE = 2;

  /**
   * The API answered with an error, or with something unusable: a body that is not the expected
   * JSON, too large a body, pages that repeat, or no session with the id asked for.
   */
  static final int API = 3;

  /** No answer: the connection failed, or an attempt or the whole call timed out. */
  static final int NETWORK = 4;

  /**
   * The configuration is unusable: no account id, credentials missing or malformed, a bad base URL,
   * or an adapter that is not present.
   */
  static final int CONFIGURATION = 5;

  private ExitCode() {}
}
