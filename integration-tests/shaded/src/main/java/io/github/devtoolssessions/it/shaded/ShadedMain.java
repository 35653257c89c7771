package io.github.devtoolssessions.it.shaded;

import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.Credentials;
import java.util.stream.Stream;

/**
 * The application inside the shaded jar: lists every session of an account and prints the count and
 * the adapters discovery chose. Arguments: base URL, account id, API token.
 */
public final class ShadedMain {

  private ShadedMain() {}

  /** Runs the listing; exit status 0 on success. */
  public static void main(String[] args) {
    try (DevtoolsSessionsClient client =
            DevtoolsSessionsClient.builder()
                .baseUrl(args[0])
                .accountId(args[1])
                .credentials(Credentials.apiToken(args[2]))
                .build();
        Stream<?> sessions = client.streamAll()) {
      long count = sessions.count();
      System.out.println("sessions=" + count);
      System.out.println("transport=" + client.discoveryReport().transport().chosen());
      System.out.println("json=" + client.discoveryReport().json().chosen());
      System.out.println(
          "candidates="
              + client.discoveryReport().transport().candidates().size()
              + "+"
              + client.discoveryReport().json().candidates().size());
    }
  }
}
