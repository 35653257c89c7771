package io.github.devtoolssessions.core;

import java.util.List;
import java.util.Optional;

/**
 * The port through which the library reads and writes JSON. A codec never sees HTTP: it gets a
 * body's bytes (UTF-8) and gives values back.
 *
 * <p>Reading is tolerant, as the wire contract asks:
 *
 * <ul>
 *   <li>a session list is a bare array, or the envelope {@code {"result":[...]}} that proxies and
 *       older gateway paths add; {@code null} as the whole body is an empty list;
 *   <li>every field but {@code sessionId} may be absent or {@code null}; times are JSON numbers
 *       kept exactly ({@link Timestamp}); {@code closeReason} is a number or a string ({@link
 *       CloseReason}); fields the model does not know are kept as raw JSON in {@link
 *       Session#extraFields()};
 *   <li>error bodies come in every shape listed in {@link #readErrors(byte[])}.
 * </ul>
 *
 * <p>Whatever the input, a read method returns a value or throws {@link DecodingException}; no
 * exception of the underlying JSON library escapes. Implementations are thread-safe.
 */
public interface JsonCodec {

  /**
   * Reads a page of sessions.
   *
   * @throws DecodingException if the body is not JSON, not a list of session objects, or a session
   *     lacks its {@code sessionId}
   */
  List<Session> readSessions(byte[] body);

  /**
   * Reads one session: an object, the envelope {@code {"result":{...}}}, or {@code null} (empty).
   *
   * @throws DecodingException if the body is not JSON or not a session object
   */
  Optional<Session> readSession(byte[] body);

  /**
   * Reads the errors out of an error body, whatever its shape:
   *
   * <ul>
   *   <li>{@code {"success":false,"errors":[{"code":10000,"message":"..."}],...}} (v4 envelope,
   *       with an optional nested {@code error_chain} per error);
   *   <li>{@code {"errors":[{"code":429,"message":"..."}],"status":false}};
   *   <li>{@code {"error":"Session not found"}};
   *   <li>{@code {"message":"Internal Error"}}.
   * </ul>
   *
   * JSON of any other shape gives an empty list; it is never an error.
   *
   * @throws DecodingException only if the body is not JSON at all (an HTML page from the edge)
   */
  List<CloudflareError> readErrors(byte[] body);

  /** Writes sessions as a bare JSON array, with the API's field names and extra fields kept. */
  byte[] writeSessions(List<Session> sessions);

  /** Writes one session as a JSON object, with the API's field names and extra fields kept. */
  byte[] writeSession(Session session);
}
