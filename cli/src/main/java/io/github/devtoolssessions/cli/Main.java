package io.github.devtoolssessions.cli;

import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The entry point of {@code java -jar devtools-sessions.jar}: {@code list}, {@code get}, {@code
 * serve-fake} and {@code doctor}. Run it with {@code --help} for the options and exit codes.
 */
public final class Main {

  /**
   * The library's System.Logger, which the JDK routes to java.util.logging: its retry and failure
   * records would print as multi-line noise beside the tool's own one-line errors, and --verbose
   * tells the same per attempt. Held in a field so that the level set on it is not collected away.
   */
  private static final Logger LIBRARY_LOG = Logger.getLogger("io.github.devtoolssessions");

  private Main() {}

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line, such as {@code list --all --format ndjson}
   */
  public static void main(String[] args) {
    // Buffered, and flushed by the commands between pages: a long --all listing is not written
    // one system call per line. UTF-8, whatever the platform's default, like the JSON it carries.
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    Invocation inv =
        new Invocation(System.getenv(), out, System.err, onTerminal(), Clock.systemUTC());
    int code = run(args, inv);
    out.flush();
    System.exit(code);
  }

  /** Runs the tool in this JVM and returns its exit code; the tests' entry point. */
  static int run(String[] args, Invocation inv) {
    LIBRARY_LOG.setLevel(Level.OFF);
    return RootCommand.commandLine(inv).execute(args);
  }

  /**
   * Whether a person is at a terminal. Before Java 22 {@link System#console()} is non-null only
   * then; from 22 on it may exist for a pipe too, and {@code Console.isTerminal()} tells.
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
