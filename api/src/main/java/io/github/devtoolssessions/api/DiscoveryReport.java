package io.github.devtoolssessions.api;

/**
 * What a client found and chose for its two ports; see {@link
 * DevtoolsSessionsClient#discoveryReport()}.
 *
 * @param transport how the HTTP transport was chosen
 * @param json how the JSON codec was chosen
 */
public record DiscoveryReport(AdapterChoice transport, AdapterChoice json) {

  /** One line per port. */
  @Override
  public String toString() {
    return transport + System.lineSeparator() + json;
  }
}
