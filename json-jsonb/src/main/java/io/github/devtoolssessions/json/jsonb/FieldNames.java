package io.github.devtoolssessions.json.jsonb;

/** The API's names for the fields of a session, in one place for the reader and the writer. */
final class FieldNames {

  static final String SESSION_ID = "sessionId";
  static final String START_TIME = "startTime";
  static final String END_TIME = "endTime";
  static final String LAST_UPDATED = "lastUpdated";
  static final String CONNECTION_ID = "connectionId";
  static final String CONNECTION_START_TIME = "connectionStartTime";
  static final String CONNECTION_END_TIME = "connectionEndTime";
  static final String DEVTOOLS_FRONTEND_URL = "devtoolsFrontendUrl";
  static final String WEB_SOCKET_DEBUGGER_URL = "webSocketDebuggerUrl";
  static final String CLOSE_REASON = "closeReason";
  static final String CLOSE_REASON_TEXT = "closeReasonText";

  /** The field of the envelope {@code {"success":true,"result":...}} that holds the payload. */
  static final String RESULT = "result";

  private FieldNames() {}
}
