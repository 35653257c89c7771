package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTooLargeException;
import io.github.devtoolssessions.core.TransportRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The body cap, to the byte. */
class CappedBodyTest {

  private static final TransportRequest CAPPED_AT_10 =
      TransportRequest.get(URI.create("http://127.0.0.1/x"), Headers.empty()).withMaxBodyBytes(10);

  @Test
  void acceptsABodyOfExactlyTheCapInPieces() {
    CappedBody body = new CappedBody(CAPPED_AT_10, -1);

    body.append(new byte[] {1, 2, 3, 4}, 0, 4);
    body.append(ByteBuffer.wrap(new byte[] {5, 6, 7, 8, 9, 10}));

    assertThat(body.toByteArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void refusesTheByteThatPassesTheCap() {
    CappedBody body = new CappedBody(CAPPED_AT_10, -1);
    body.append(new byte[10], 0, 10);

    assertThatThrownBy(() -> body.append(new byte[1], 0, 1))
        .isInstanceOfSatisfying(
            ResponseTooLargeException.class, e -> assertThat(e.maxBodyBytes()).isEqualTo(10));
  }

  @Test
  void refusesADeclaredLengthOverTheCapBeforeReadingAnything() {
    assertThatThrownBy(() -> new CappedBody(CAPPED_AT_10, 11))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void readsOnPastADeclaredLengthThatWasTooShortButNotPastTheCap() {
    CappedBody body = new CappedBody(CAPPED_AT_10, 2);

    body.append(new byte[] {1, 2, 3}, 0, 3);

    assertThat(body.toByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void anEmptyBodyIsAnEmptyArray() {
    assertThat(new CappedBody(CAPPED_AT_10, 0).toByteArray()).isEmpty();
    assertThat(new CappedBody(CAPPED_AT_10, -1).toByteArray()).isEmpty();
  }
}
