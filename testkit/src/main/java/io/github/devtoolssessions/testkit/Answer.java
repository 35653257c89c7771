package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.testkit.internal.ResponseHead;
import java.time.Duration;

/**
 * What the fake answers one request with once its fault is applied: the response, and how it
 * reaches the client. The in-memory transport and the server both act it out.
 *
 * @param response the response, with the fault's status, headers, body and content type
 * @param headerDelay how long to wait before the headers
 * @param delivery how the response is delivered
 * @param stall how long a {@link Fault.Delivery#STALL} stalls after half the body
 */
record Answer(
    TransportResponse response, Duration headerDelay, Fault.Delivery delivery, Duration stall) {

  /** A response delivered whole and at once. */
  static Answer plain(TransportResponse response) {
    return new Answer(response, Duration.ZERO, Fault.Delivery.WHOLE, Duration.ZERO);
  }

  /**
   * The answer as a client receives it for a request with this method: no body for {@code HEAD} nor
   * for a 1xx, 204 or 304 status (RFC 9110, 6.4.1), so nothing to stall or cut short either; a
   * reset stays a reset.
   */
  Answer asReceivedFor(String method) {
    if (!method.equals("HEAD") && !ResponseHead.isBodyless(response.statusCode())) {
      return this;
    }
    return new Answer(
        new TransportResponse(response.statusCode(), response.headers(), new byte[0]),
        headerDelay,
        delivery == Fault.Delivery.RESET ? Fault.Delivery.RESET : Fault.Delivery.WHOLE,
        Duration.ZERO);
  }

  /** This answer with another response, delivered the same way. */
  Answer withResponse(TransportResponse other) {
    return new Answer(other, headerDelay, delivery, stall);
  }

  /** How many body bytes a cut-off delivery sends: half, rounded down. */
  int partialLength() {
    return response.body().length / 2;
  }
}
