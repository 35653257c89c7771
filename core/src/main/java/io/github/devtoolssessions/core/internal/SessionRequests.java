package io.github.devtoolssessions.core.internal;

import io.github.devtoolssessions.core.AccountId;
import io.github.devtoolssessions.core.Credentials;
import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ListSessionsParams;
import io.github.devtoolssessions.core.SessionId;
import io.github.devtoolssessions.core.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the requests of the DevTools sessions endpoint for one account and one set of credentials.
 * Pure: it makes values and does no I/O.
 *
 * <pre>
 * GET {base}/accounts/{account_id}/browser-rendering/devtools/session?limit=N&amp;offset=M
 * GET {base}/accounts/{account_id}/browser-rendering/devtools/session/{session_id}
 * </pre>
 */
public final class SessionRequests {

  private final String sessionsUrl;
  private final Headers headers;
  private final Optional<Duration> attemptTimeout;
  private final long maxBodyBytes;

  /**
   * Requests for one account.
   *
   * @param baseUrl the API's base, such as {@code https://api.cloudflare.com/client/v4}; a trailing
   *     slash makes no difference
   * @param accountId the account, encoded as one path segment
   * @param credentials sent as the headers of their scheme
   * @param userAgent the User-Agent header
   * @param attemptTimeout how long one attempt may wait for its response
   * @param maxBodyBytes the body cap of every request
   */
  public SessionRequests(
      URI baseUrl,
      AccountId accountId,
      Credentials credentials,
      String userAgent,
      Optional<Duration> attemptTimeout,
      long maxBodyBytes) {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.sessionsUrl =
        base
            + "/accounts/"
            + PathSegment.encode(accountId.value())
            + "/browser-rendering/devtools/session";
    Headers.Builder h =
        Headers.builder().add("Accept", "application/json").add("User-Agent", userAgent);
    credentials.headers().forEach(h::add);
    this.headers = h.build();
    this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The request for one page of sessions; unset parameters are left out of the query. */
  public TransportRequest list(ListSessionsParams params) {
    StringBuilder url = new StringBuilder(sessionsUrl.length() + 24).append(sessionsUrl);
    char separator = '?';
    if (params.limit().isPresent()) {
      url.append(separator).append("limit=").append(params.limit().getAsInt());
      separator = '&';
    }
    if (params.offset().isPresent()) {
      url.append(separator).append("offset=").append(params.offset().getAsInt());
    }
    return request(url.toString());
  }

  /** The request for one session by id. */
  public TransportRequest get(SessionId sessionId) {
    return request(sessionsUrl + "/" + PathSegment.encode(sessionId.value()));
  }

  private TransportRequest request(String url) {
    return new TransportRequest("GET", URI.create(url), headers, attemptTimeout, maxBodyBytes);
  }
}
