package io.github.devtoolssessions.transport.jdk;

/** An exchange in flight, which the transport fails when it is closed. */
interface InFlight {

  /** Fails the exchange because its transport was closed; no-op once it is complete. */
  void abortBecauseClosed();
}
