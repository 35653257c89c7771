package io.github.devtoolssessions.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One browser session of an account, as listed by the DevTools sessions endpoint.
 *
 * <p>Only {@link #sessionId()} is always present; every other field of the API may be absent or
 * {@code null} and reads as an empty {@link Optional}. Fields the API adds after this library was
 * written are kept, as raw JSON text by name, in {@link #extraFields()}.
 *
 * <p>Instances are immutable and compare by value. {@link #toString()} masks the query strings of
 * {@link #devtoolsFrontendUrl()} and {@link #webSocketDebuggerUrl()}, which can carry a credential
 * ({@code jwt=...}); the accessors return them whole.
 */
public final class Session {

  private final String sessionId;
  private final Timestamp startTime;
  private final Timestamp endTime;
  private final Timestamp lastUpdated;
  private final String connectionId;
  private final Timestamp connectionStartTime;
  private final Timestamp connectionEndTime;
  private final String devtoolsFrontendUrl;
  private final String webSocketDebuggerUrl;
  private final CloseReason closeReason;
  private final String closeReasonText;
  private final Map<String, String> extraFields;

  private Session(Builder b) {
    this.sessionId = b.sessionId;
    this.startTime = b.startTime;
    this.endTime = b.endTime;
    this.lastUpdated = b.lastUpdated;
    this.connectionId = b.connectionId;
    this.connectionStartTime = b.connectionStartTime;
    this.connectionEndTime = b.connectionEndTime;
    this.devtoolsFrontendUrl = b.devtoolsFrontendUrl;
    this.webSocketDebuggerUrl = b.webSocketDebuggerUrl;
    this.closeReason = b.closeReason;
    this.closeReasonText = b.closeReasonText;
    this.extraFields =
        b.extraFields.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(b.extraFields));
  }

  /**
   * A builder for a session with the given id.
   *
   * @throws IllegalArgumentException if the id is blank
   */
  public static Builder builder(String sessionId) {
    return new Builder(sessionId);
  }

  /** A builder that starts from this session's values. */
  public Builder toBuilder() {
    Builder b = new Builder(sessionId);
    b.startTime = startTime;
    b.endTime = endTime;
    b.lastUpdated = lastUpdated;
    b.connectionId = connectionId;
    b.connectionStartTime = connectionStartTime;
    b.connectionEndTime = connectionEndTime;
    b.devtoolsFrontendUrl = devtoolsFrontendUrl;
    b.webSocketDebuggerUrl = webSocketDebuggerUrl;
    b.closeReason = closeReason;
    b.closeReasonText = closeReasonText;
    b.extraFields.putAll(extraFields);
    return b;
  }

  /** The session's id (a UUID on the real service). Always present. */
  public String sessionId() {
    return sessionId;
  }

  /** When the session started. */
  public Optional<Timestamp> startTime() {
    return Optional.ofNullable(startTime);
  }

  /** When the session ended; absent while it is alive. */
  public Optional<Timestamp> endTime() {
    return Optional.ofNullable(endTime);
  }

  /** The session's last activity. */
  public Optional<Timestamp> lastUpdated() {
    return Optional.ofNullable(lastUpdated);
  }

  /** The id of the current or last DevTools connection. */
  public Optional<String> connectionId() {
    return Optional.ofNullable(connectionId);
  }

  /** When the current or last DevTools connection started. */
  public Optional<Timestamp> connectionStartTime() {
    return Optional.ofNullable(connectionStartTime);
  }

  /** When the last DevTools connection ended. */
  public Optional<Timestamp> connectionEndTime() {
    return Optional.ofNullable(connectionEndTime);
  }

  /** The URL of the DevTools UI for the session. May carry a credential in its query. */
  public Optional<String> devtoolsFrontendUrl() {
    return Optional.ofNullable(devtoolsFrontendUrl);
  }

  /** The Chrome DevTools Protocol WebSocket URL. May carry a credential ({@code jwt=}). */
  public Optional<String> webSocketDebuggerUrl() {
    return Optional.ofNullable(webSocketDebuggerUrl);
  }

  /** The close code, as a number or as a string, whichever the API sent. */
  public Optional<CloseReason> closeReason() {
    return Optional.ofNullable(closeReason);
  }

  /** The human-readable close reason, such as {@code NormalClosure}. */
  public Optional<String> closeReasonText() {
    return Optional.ofNullable(closeReasonText);
  }

  /** Whether the session has ended, that is whether {@link #endTime()} is present. */
  public boolean isClosed() {
    return endTime != null;
  }

  /**
   * Fields the API sent that this library does not model, by name, each as its raw JSON text (for
   * instance {@code "\"lab\""}, {@code "42"} or {@code "{\"a\":[1]}"}), in the order they came.
   */
  public Map<String, String> extraFields() {
    return extraFields;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Session)) {
      return false;
    }
    Session that = (Session) o;
    return sessionId.equals(that.sessionId)
        && Objects.equals(startTime, that.startTime)
        && Objects.equals(endTime, that.endTime)
        && Objects.equals(lastUpdated, that.lastUpdated)
        && Objects.equals(connectionId, that.connectionId)
        && Objects.equals(connectionStartTime, that.connectionStartTime)
        && Objects.equals(connectionEndTime, that.connectionEndTime)
        && Objects.equals(devtoolsFrontendUrl, that.devtoolsFrontendUrl)
        && Objects.equals(webSocketDebuggerUrl, that.webSocketDebuggerUrl)
        && Objects.equals(closeReason, that.closeReason)
        && Objects.equals(closeReasonText, that.closeReasonText)
        && extraFields.equals(that.extraFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        sessionId,
        startTime,
        endTime,
        lastUpdated,
        connectionId,
        connectionStartTime,
        connectionEndTime,
        devtoolsFrontendUrl,
        webSocketDebuggerUrl,
        closeReason,
        closeReasonText,
        extraFields);
  }

  /** The fields that are present, with the query strings of both URLs masked. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Session[sessionId=").append(sessionId);
    appendIfPresent(sb, "startTime", startTime);
    appendIfPresent(sb, "endTime", endTime);
    appendIfPresent(sb, "lastUpdated", lastUpdated);
    appendIfPresent(sb, "connectionId", connectionId);
    appendIfPresent(sb, "connectionStartTime", connectionStartTime);
    appendIfPresent(sb, "connectionEndTime", connectionEndTime);
    appendIfPresent(sb, "devtoolsFrontendUrl", Redaction.maskQuery(devtoolsFrontendUrl));
    appendIfPresent(sb, "webSocketDebuggerUrl", Redaction.maskQuery(webSocketDebuggerUrl));
    appendIfPresent(sb, "closeReason", closeReason);
    appendIfPresent(sb, "closeReasonText", closeReasonText);
    if (!extraFields.isEmpty()) {
      sb.append(", extraFields=").append(extraFields.keySet());
    }
    return sb.append(']').toString();
  }

  private static void appendIfPresent(StringBuilder sb, String name, Object value) {
    if (value != null) {
      sb.append(", ").append(name).append('=').append(value);
    }
  }

  /**
   * Builds a {@link Session}. Setters accept {@code null} for "absent", which is how the codecs
   * pass on a JSON {@code null}.
   */
  public static final class Builder {
    private final String sessionId;
    private Timestamp startTime;
    private Timestamp endTime;
    private Timestamp lastUpdated;
    private String connectionId;
    private Timestamp connectionStartTime;
    private Timestamp connectionEndTime;
    private String devtoolsFrontendUrl;
    private String webSocketDebuggerUrl;
    private CloseReason closeReason;
    private String closeReasonText;
    private final Map<String, String> extraFields = new LinkedHashMap<>();

    private Builder(String sessionId) {
      Objects.requireNonNull(sessionId, "sessionId");
      if (sessionId.isBlank()) {
        throw new IllegalArgumentException("sessionId must not be blank");
      }
      this.sessionId = sessionId;
    }

    /** Sets {@link Session#startTime()}; {@code null} for absent. */
    public Builder startTime(Timestamp value) {
      this.startTime = value;
      return this;
    }

    /** Sets {@link Session#endTime()}; {@code null} for absent. */
    public Builder endTime(Timestamp value) {
      this.endTime = value;
      return this;
    }

    /** Sets {@link Session#lastUpdated()}; {@code null} for absent. */
    public Builder lastUpdated(Timestamp value) {
      this.lastUpdated = value;
      return this;
    }

    /** Sets {@link Session#connectionId()}; {@code null} for absent. */
    public Builder connectionId(String value) {
      this.connectionId = value;
      return this;
    }

    /** Sets {@link Session#connectionStartTime()}; {@code null} for absent. */
    public Builder connectionStartTime(Timestamp value) {
      this.connectionStartTime = value;
      return this;
    }

    /** Sets {@link Session#connectionEndTime()}; {@code null} for absent. */
    public Builder connectionEndTime(Timestamp value) {
      this.connectionEndTime = value;
      return this;
    }

    /** Sets {@link Session#devtoolsFrontendUrl()}; {@code null} for absent. */
    public Builder devtoolsFrontendUrl(String value) {
      this.devtoolsFrontendUrl = value;
      return this;
    }

    /** Sets {@link Session#webSocketDebuggerUrl()}; {@code null} for absent. */
    public Builder webSocketDebuggerUrl(String value) {
      this.webSocketDebuggerUrl = value;
      return this;
    }

    /** Sets {@link Session#closeReason()}; {@code null} for absent. */
    public Builder closeReason(CloseReason value) {
      this.closeReason = value;
      return this;
    }

    /** Sets {@link Session#closeReasonText()}; {@code null} for absent. */
    public Builder closeReasonText(String value) {
      this.closeReasonText = value;
      return this;
    }

    /**
     * Keeps a field this library does not model.
     *
     * @param name the field's name as the API sent it
     * @param rawJson the field's value as JSON text, e.g. {@code "\"x\""}, {@code "1"}, {@code
     *     "[]"}
     */
    public Builder extraField(String name, String rawJson) {
      extraFields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(rawJson, name));
      return this;
    }

    /** The session. */
    public Session build() {
      return new Session(this);
    }
  }
}
