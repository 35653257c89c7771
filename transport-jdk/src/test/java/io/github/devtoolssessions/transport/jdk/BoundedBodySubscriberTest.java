package io.github.devtoolssessions.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The response headers handed to the core, and aborting a body from another thread. */
class BoundedBodySubscriberTest {

  @Test
  void http2PseudoHeadersAreDroppedAndRepeatedHeadersKeepEveryValue() {
    HttpHeaders jdk =
        HttpHeaders.of(
            Map.of(
                ":status", List.of("200"),
                "set-cookie", List.of("a=1", "b=2"),
                "cf-ray", List.of("8f1e-FRA")),
            (name, value) -> true);

    Headers core = BoundedBodySubscriber.toCoreHeaders(jdk);

    assertThat(core.map()).containsOnlyKeys("set-cookie", "cf-ray");
    assertThat(core.allValues("Set-Cookie")).containsExactly("a=1", "b=2");
  }

  private static final TransportRequest REQUEST =
      TransportRequest.get(URI.create("http://127.0.0.1:1/x"), Headers.empty());

  private static final ResponseTimeoutException TIMED_OUT =
      new ResponseTimeoutException("timed out", null);

  /** A subscription that counts what the subscriber asks of it. */
  private static final class CountingSubscription implements Flow.Subscription {
    final AtomicInteger cancels = new AtomicInteger();
    final AtomicLong requested = new AtomicLong();

    @Override
    public void request(long n) {
      requested.addAndGet(n);
    }

    @Override
    public void cancel() {
      cancels.incrementAndGet();
    }
  }

  private static BoundedBodySubscriber subscriberFor200() {
    HttpResponse.ResponseInfo info =
        new HttpResponse.ResponseInfo() {
          @Override
          public int statusCode() {
            return 200;
          }

          @Override
          public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (name, value) -> true);
          }

          @Override
          public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
          }
        };
    AtomicReference<BoundedBodySubscriber> made = new AtomicReference<>();
    BoundedBodySubscriber.handler(REQUEST, made::set).apply(info);
    return made.get();
  }

  private static Throwable failureOf(BoundedBodySubscriber subscriber) {
    return subscriber.body().handle((response, failure) -> failure).join();
  }

  @Test
  void anAbortBeforeTheJdkSubscribesCancelsAsSoonAsItDoes() {
    BoundedBodySubscriber subscriber = subscriberFor200();
    CountingSubscription subscription = new CountingSubscription();

    subscriber.abort(TIMED_OUT);
    subscriber.onSubscribe(subscription);

    assertThat(subscription.cancels).hasValue(1);
    assertThat(subscription.requested).hasValue(0);
    assertThat(failureOf(subscriber)).isSameAs(TIMED_OUT);
  }

  @Test
  void anAbortMidBodyCancelsOnceAndTheRestOfTheBodyChangesNothing() {
    BoundedBodySubscriber subscriber = subscriberFor200();
    CountingSubscription subscription = new CountingSubscription();
    subscriber.onSubscribe(subscription);
    subscriber.onNext(List.of(ByteBuffer.wrap(new byte[100])));

    subscriber.abort(TIMED_OUT);
    subscriber.abort(new ResponseTimeoutException("again", null));
    subscriber.onNext(List.of(ByteBuffer.wrap(new byte[100])));
    subscriber.onComplete();

    assertThat(subscription.cancels).hasValue(1);
    assertThat(failureOf(subscriber)).isSameAs(TIMED_OUT);
  }

  @Test
  void anAbortAfterTheWholeBodyChangesNothing() {
    BoundedBodySubscriber subscriber = subscriberFor200();
    CountingSubscription subscription = new CountingSubscription();
    subscriber.onSubscribe(subscription);
    subscriber.onNext(List.of(ByteBuffer.wrap("[]".getBytes(StandardCharsets.UTF_8))));
    subscriber.onComplete();

    subscriber.abort(TIMED_OUT);

    assertThat(subscription.cancels).hasValue(0);
    TransportResponse response = subscriber.body().join();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
  }
}
