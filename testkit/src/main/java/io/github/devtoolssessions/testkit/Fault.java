package io.github.devtoolssessions.testkit;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.testkit.internal.ErrorBodies;
import io.github.devtoolssessions.testkit.internal.Gzip;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One way for the fake to misbehave on one request, as networks and Cloudflare's edge do: an error
 * status, a slow or broken answer, a body that is not what it claims. Scheduled through {@link
 * FakeDevtoolsApi#faults()}; works the same in memory ({@link FakeDevtoolsApi#asTransport()}) and
 * over loopback HTTP ({@link FakeDevtoolsApi#start()}).
 *
 * <pre>{@code
 * fake.faults().next(Fault.rateLimited(Duration.ofSeconds(1)), Fault.resetConnection());
 * fake.faults().when(r -> r.queryParameter("offset").isPresent(), Fault.ignoreOffset());
 * fake.faults().always(Fault.delayHeaders(Duration.ofMillis(50)));
 * }</pre>
 *
 * <p>A fault has up to five aspects, applied in this order: a side effect ({@link #run}); a change
 * to the request ({@link #ignoreOffset()}); the response, the fake's own or one the fault replaces
 * it with ({@link #status}, {@link #rateLimited}, {@link #serviceUnavailableHtml()}, {@link
 * #internalError()}, {@link #notJson()}, {@link #redirect}, {@link #gzipBomb}) and its content type
 * ({@link #contentType}); a wait before the headers ({@link #delayHeaders}); and how the response
 * is delivered (whole, or {@link #stallBody}, {@link #truncatedBody()}, {@link
 * #resetConnection()}). {@link #and(Fault)} combines faults whose aspects differ.
 *
 * <p>Every response a fault makes carries a {@code cf-ray} header, as the edge's answers do. Faults
 * are immutable values and compare by identity; {@link #toString()} names the factories they came
 * from.
 */
public final class Fault {

  /** How a response reaches the client. */
  enum Delivery {
    /** Headers and the whole body. */
    WHOLE,
    /** Headers and half the body, then a stall, then the connection closes. */
    STALL,
    /** Headers declaring the whole length and half the body, then the connection closes. */
    TRUNCATE,
    /** No response: the connection is reset. */
    RESET
  }

  /** A response a fault puts in place of the fake's own; the fake adds {@code cf-ray}. */
  record Replacement(int status, Headers headers, byte[] body) {}

  private static final Fault NONE =
      new Fault("none", List.of(), false, null, null, Duration.ZERO, Delivery.WHOLE, Duration.ZERO);

  private static final String JSON = "application/json";

  /** The page the edge sends for a 503, shaped like Cloudflare's own. */
  private static final String SERVICE_UNAVAILABLE_PAGE =
      "<!DOCTYPE html>\n"
          + "<html lang=\"en-US\">\n"
          + "<head><title>503 Service Temporarily Unavailable</title></head>\n"
          + "<body>\n"
          + "<center><h1>503 Service Temporarily Unavailable</h1></center>\n"
          + "<hr><center>cloudflare</center>\n"
          + "</body>\n"
          + "</html>\n";

  /** A page a proxy or a challenge might answer with: a 200, but not the JSON asked for. */
  private static final String NOT_JSON_PAGE =
      "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
          + "<body>Checking your browser before accessing the API.</body></html>";

  private final String description;
  private final List<Runnable> sideEffects;
  private final boolean ignoreOffset;
  private final Replacement replacement;
  private final String contentType;
  private final Duration headerDelay;
  private final Delivery delivery;
  private final Duration stall;

  private Fault(
      String description,
      List<Runnable> sideEffects,
      boolean ignoreOffset,
      Replacement replacement,
      String contentType,
      Duration headerDelay,
      Delivery delivery,
      Duration stall) {
    this.description = description;
    this.sideEffects = List.copyOf(sideEffects);
    this.ignoreOffset = ignoreOffset;
    this.replacement = replacement;
    this.contentType = contentType;
    this.headerDelay = headerDelay;
    this.delivery = delivery;
    this.stall = stall;
  }

  // ---------------------------------------------------------------- factories

  /**
   * No fault: the fake answers normally. Useful to let a request through in {@link FaultPlan#next}.
   */
  public static Fault none() {
    return NONE;
  }

  /**
   * Answers with this status, body and headers instead of the fake's answer. Without a {@code
   * Content-Type} among the headers, a non-empty body is labelled {@code application/json}. The
   * server writes {@code Content-Length} and {@code Connection} itself; such headers given here are
   * dropped.
   *
   * @param status a final status, 200 to 999
   * @param body the body, as UTF-8
   * @param headerNamesAndValues header names and values, alternating: {@code "Retry-After", "3"}
   * @throws IllegalArgumentException if the status is out of range, the names and values do not
   *     pair up, or a header is malformed
   */
  public static Fault status(int status, String body, String... headerNamesAndValues) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(headerNamesAndValues, "headerNamesAndValues");
    if (headerNamesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "headerNamesAndValues must alternate names and values, but has an odd count of "
              + headerNamesAndValues.length);
    }
    Headers.Builder headers = Headers.builder();
    for (int i = 0; i < headerNamesAndValues.length; i += 2) {
      headers.add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
    }
    return replacing(
        "status(" + status + ")", status, headers.build(), body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Answers with this status, body and headers instead of the fake's answer; the bytes form of
   * {@link #status(int, String, String...)}, for binary or large bodies. The array is copied.
   *
   * <p>With a {@code Content-Encoding} among the headers the body counts as encoded already: the
   * server sends it exactly as given and never compresses it, whatever the request accepts, and the
   * in-memory transport decodes it as a real transport would (gzip only; any other coding fails).
   * That is how a test serves a broken gzip body:
   *
   * <pre>{@code
   * Fault.status(200, notReallyGzip, Headers.builder().add("Content-Encoding", "gzip").build())
   * }</pre>
   *
   * @throws IllegalArgumentException if the status is not within 200..999
   */
  public static Fault status(int status, byte[] body, Headers headers) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(headers, "headers");
    return replacing("status(" + status + ")", status, headers, body.clone());
  }

  /**
   * 200 whose body is a "gzip bomb": {@code Content-Encoding: gzip}, {@code Content-Type:
   * application/json}, and a body of {@code decodedBytes} zero bytes gzip-compressed as tightly as
   * zlib can, about a thousandth of that on the wire (50 MiB decoded are about 50 KiB). It is sent
   * as it is, whether or not the request accepts gzip. A client must refuse it by its decoded size,
   * with {@link io.github.devtoolssessions.core.ResponseTooLargeException}, without holding it all.
   * The body is made once, here: some 100 ms of work for 50 MiB, two seconds per GiB.
   *
   * @throws IllegalArgumentException if {@code decodedBytes} is negative
   */
  public static Fault gzipBomb(long decodedBytes) {
    if (decodedBytes < 0) {
      throw new IllegalArgumentException("decodedBytes must not be negative, got " + decodedBytes);
    }
    return replacing(
        "gzipBomb(" + decodedBytes + ")",
        200,
        Headers.builder().add("Content-Type", JSON).add("Content-Encoding", "gzip").build(),
        Gzip.zeros(decodedBytes));
  }

  /**
   * 429 as the API sends it when rate limited: {@code Retry-After} in whole seconds (rounded up)
   * and the v4 envelope with Cloudflare's rate-limit error, code 971 "Please wait and consider
   * throttling your request speed".
   *
   * @throws IllegalArgumentException if the wait is negative
   */
  public static Fault rateLimited(Duration retryAfter) {
    requireNotNegative(retryAfter, "retryAfter");
    long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
    return replacing(
        "rateLimited(" + retryAfter + ")",
        429,
        Headers.builder()
            .add("Content-Type", JSON)
            .add("Retry-After", Long.toString(seconds))
            .build(),
        ErrorBodies.envelope(971, "Please wait and consider throttling your request speed"));
  }

  /**
   * 503 with an HTML page from the edge, {@code Content-Type: text/html; charset=UTF-8}: what a
   * client gets when the service behind the edge is down. Not JSON, on purpose.
   */
  public static Fault serviceUnavailableHtml() {
    return replacing(
        "serviceUnavailableHtml",
        503,
        Headers.builder().add("Content-Type", "text/html; charset=UTF-8").build(),
        SERVICE_UNAVAILABLE_PAGE.getBytes(StandardCharsets.UTF_8));
  }

  /** 500 with the v4 envelope, code 2000 "Internal Error". */
  public static Fault internalError() {
    return replacing(
        "internalError",
        500,
        Headers.builder().add("Content-Type", JSON).build(),
        ErrorBodies.envelope(2000, "Internal Error"));
  }

  /**
   * 200 whose body is an HTML page, not JSON, though its {@code Content-Type} still says {@code
   * application/json}: only the body is wrong (combine with {@link #contentType} to change the
   * label too).
   */
  public static Fault notJson() {
    return replacing(
        "notJson",
        200,
        Headers.builder().add("Content-Type", JSON).build(),
        NOT_JSON_PAGE.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The fake's answer with another {@code Content-Type}, such as {@code text/plain}; applies to the
   * response of another fault too when combined.
   *
   * @throws IllegalArgumentException if the value is blank or holds a control character
   */
  public static Fault contentType(String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    if (contentType.isBlank()) {
      throw new IllegalArgumentException("contentType must not be blank");
    }
    Headers.builder().add("Content-Type", contentType); // checks the value
    return new Fault(
        "contentType(" + contentType + ")",
        List.of(),
        false,
        null,
        contentType,
        Duration.ZERO,
        Delivery.WHOLE,
        Duration.ZERO);
  }

  /**
   * 302 Found with {@code Location} set to the URI, and no body: a client must not follow it, and
   * must never carry credentials to another host.
   */
  public static Fault redirect(URI location) {
    Objects.requireNonNull(location, "location");
    return replacing(
        "redirect(" + location + ")",
        302,
        Headers.builder().add("Location", location.toString()).build(),
        new byte[0]);
  }

  /**
   * Waits before sending the response headers; the response is otherwise unchanged. A client whose
   * timeout is shorter gives up first; over HTTP, the server notices the closed connection and
   * counts an {@linkplain FakeDevtoolsServer#abandonedExchanges() abandoned exchange}.
   *
   * @throws IllegalArgumentException if the delay is negative
   */
  public static Fault delayHeaders(Duration delay) {
    requireNotNegative(delay, "delay");
    return new Fault(
        "delayHeaders(" + delay + ")",
        List.of(),
        false,
        null,
        null,
        delay,
        Delivery.WHOLE,
        Duration.ZERO);
  }

  /**
   * Sends the headers, with the {@code Content-Length} of the whole body, and the first half of the
   * body, then sends nothing for {@code stall}, then closes the connection. A client ends in its
   * response timeout if that is shorter, else in a cut-off body.
   *
   * @throws IllegalArgumentException if the stall is negative
   */
  public static Fault stallBody(Duration stall) {
    requireNotNegative(stall, "stall");
    return new Fault(
        "stallBody(" + stall + ")",
        List.of(),
        false,
        null,
        null,
        Duration.ZERO,
        Delivery.STALL,
        stall);
  }

  /**
   * Sends the headers, with the {@code Content-Length} of the whole body, and the first half of the
   * body (rounded down), then closes the connection.
   */
  public static Fault truncatedBody() {
    return new Fault(
        "truncatedBody",
        List.of(),
        false,
        null,
        null,
        Duration.ZERO,
        Delivery.TRUNCATE,
        Duration.ZERO);
  }

  /**
   * Sends no response: over HTTP the server resets the connection (a TCP RST, by closing with a
   * zero linger time); in memory the transport fails as a real one would. The request is still
   * recorded.
   */
  public static Fault resetConnection() {
    return new Fault(
        "resetConnection",
        List.of(),
        false,
        null,
        null,
        Duration.ZERO,
        Delivery.RESET,
        Duration.ZERO);
  }

  /**
   * Answers a list request as if it carried no {@code offset}: the first page again, whatever the
   * offset asked. A paging client must notice that it sees the same full page twice. The journal
   * keeps the request as it was sent.
   */
  public static Fault ignoreOffset() {
    return new Fault(
        "ignoreOffset", List.of(), true, null, null, Duration.ZERO, Delivery.WHOLE, Duration.ZERO);
  }

  /**
   * Runs a side effect, then answers normally: the answer reflects what the side effect did. Lets a
   * test close, add or remove sessions while a client walks the list. It runs on the thread that
   * serves the request (the server's, or the in-memory transport's), after the request is recorded;
   * if it throws, the request fails as if the fake's codec had failed.
   */
  public static Fault run(Runnable sideEffect) {
    Objects.requireNonNull(sideEffect, "sideEffect");
    return new Fault(
        "run",
        List.of(sideEffect),
        false,
        null,
        null,
        Duration.ZERO,
        Delivery.WHOLE,
        Duration.ZERO);
  }

  private static Fault replacing(String description, int status, Headers headers, byte[] body) {
    if (status < 200 || status > 999) {
      throw new IllegalArgumentException(
          "status = " + status + " is invalid: a fault answers with a final status, 200 to 999");
    }
    Headers.Builder cleaned = headers.toBuilder();
    for (String framing : List.of("Content-Length", "Transfer-Encoding", "Connection")) {
      cleaned.remove(framing);
    }
    if (body.length > 0 && headers.firstValue("Content-Type").isEmpty()) {
      cleaned.add("Content-Type", JSON);
    }
    return new Fault(
        description,
        List.of(),
        false,
        new Replacement(status, cleaned.build(), body),
        null,
        Duration.ZERO,
        Delivery.WHOLE,
        Duration.ZERO);
  }

  private static void requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration);
    }
  }

  // ---------------------------------------------------------------- combining

  /**
   * A fault that does what this one and {@code other} do: side effects run in order (this one's
   * first), other aspects come from whichever fault sets them. For instance {@code
   * Fault.run(closeOne).and(Fault.ignoreOffset())} or {@code
   * Fault.internalError().and(Fault.delayHeaders(d))}.
   *
   * @throws IllegalArgumentException if both set the same aspect (two responses, two content types,
   *     two header delays, two ways of delivery, or ignoring the offset twice)
   */
  public Fault and(Fault other) {
    Objects.requireNonNull(other, "other");
    if (this == NONE) {
      return other;
    }
    if (other == NONE) {
      return this;
    }
    requireOnce(replacement != null, other.replacement != null, "a response", other);
    requireOnce(contentType != null, other.contentType != null, "a content type", other);
    requireOnce(!headerDelay.isZero(), !other.headerDelay.isZero(), "a header delay", other);
    requireOnce(
        delivery != Delivery.WHOLE, other.delivery != Delivery.WHOLE, "a way of delivery", other);
    requireOnce(ignoreOffset, other.ignoreOffset, "ignoring the offset", other);
    List<Runnable> effects = new ArrayList<>(sideEffects);
    effects.addAll(other.sideEffects);
    return new Fault(
        description + " + " + other.description,
        effects,
        ignoreOffset || other.ignoreOffset,
        replacement != null ? replacement : other.replacement,
        contentType != null ? contentType : other.contentType,
        headerDelay.isZero() ? other.headerDelay : headerDelay,
        delivery != Delivery.WHOLE ? delivery : other.delivery,
        delivery != Delivery.WHOLE ? stall : other.stall);
  }

  private void requireOnce(boolean mine, boolean theirs, String aspect, Fault other) {
    if (mine && theirs) {
      throw new IllegalArgumentException(
          "cannot combine " + this + " with " + other + ": both set " + aspect);
    }
  }

  // ---------------------------------------------------------------- for the fake

  List<Runnable> sideEffects() {
    return sideEffects;
  }

  boolean ignoresOffset() {
    return ignoreOffset;
  }

  Optional<Replacement> replacement() {
    return Optional.ofNullable(replacement);
  }

  Optional<String> contentTypeOverride() {
    return Optional.ofNullable(contentType);
  }

  Duration headerDelay() {
    return headerDelay;
  }

  Delivery delivery() {
    return delivery;
  }

  /** How long a {@link Delivery#STALL} stalls; zero otherwise. */
  Duration stall() {
    return stall;
  }

  /** {@code Fault[rateLimited(PT2S)]}, or the parts joined by {@code +} for combined faults. */
  @Override
  public String toString() {
    return "Fault[" + description + "]";
  }
}
