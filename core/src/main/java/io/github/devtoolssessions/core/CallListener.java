package io.github.devtoolssessions.core;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Hears what a call does, for metrics and tracing: one call, one or more attempts, retries
 * scheduled in between. Every method has a default that does nothing, so an implementation
 * overrides only what it needs; {@link #NONE} is the default of a client.
 *
 * <p>Methods run on the thread that makes the call (or completes an async one) and must return
 * quickly and not throw; an exception from a listener is ignored. No argument carries a credential:
 * URIs hold the account id and the query only.
 *
 * <p>Every event of one call receives the same {@link Call} instance, created at {@link
 * #callStart}. {@code Call} is a value, equal for two calls of the same URI, so a tracing
 * integration that keeps per-call state (a span) keys it by identity, for instance in an {@link
 * java.util.IdentityHashMap}, or in a thread-local for sync calls only: async events arrive on the
 * threads that complete the exchanges.
 */
public interface CallListener {

  /** A listener that does nothing. */
  CallListener NONE = new CallListener() {};

  /**
   * What a call is about.
   *
   * @param operation {@code list} or {@code get}
   * @param method the HTTP method
   * @param uri the request URI
   */
  record Call(String operation, String method, URI uri) {}

  /** A call starts, before its first attempt. */
  default void callStart(Call call) {}

  /** An attempt starts; {@code attempt} counts from 1. */
  default void attemptStart(Call call, int attempt) {}

  /**
   * An attempt ended, with a status or with a failure.
   *
   * @param status the HTTP status, if a response came
   * @param failure the failure, if no usable response came
   * @param duration how long the attempt took
   */
  default void attemptEnd(
      Call call, int attempt, OptionalInt status, Optional<Throwable> failure, Duration duration) {}

  /**
   * The call will send the request again after {@code wait}.
   *
   * @param reason why, in words: {@code HTTP 503}, {@code connection failed}, ...
   */
  default void retryScheduled(Call call, int nextAttempt, Duration wait, String reason) {}

  /**
   * The call ended.
   *
   * @param attempts how many attempts were made
   * @param failure the exception the call ends with, if it failed
   * @param duration how long the whole call took
   */
  default void callEnd(Call call, int attempts, Optional<Throwable> failure, Duration duration) {}
}
