package io.github.devtoolssessions.api;

import java.util.List;

/**
 * How a client came by one of its adapters: what discovery found, what it chose and why.
 *
 * @param port {@code transport} or {@code json}
 * @param candidates every provider found, highest priority first; empty when the adapter was given
 *     to the builder, since discovery then does not run
 * @param chosen the chosen provider's name, or the class of an adapter given to the builder
 * @param reason why it was chosen, in words
 */
public record AdapterChoice(
    String port, List<AdapterCandidate> candidates, String chosen, String reason) {

  /** Copies the candidates. */
  public AdapterChoice {
    candidates = List.copyOf(candidates);
  }

  /** {@code transport: jdk (requested by system property ...); found: [...]}. */
  @Override
  public String toString() {
    return port + ": " + chosen + " (" + reason + "); found: " + candidates;
  }
}
