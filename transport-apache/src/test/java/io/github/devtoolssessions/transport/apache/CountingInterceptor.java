package io.github.devtoolssessions.transport.apache;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Counts the requests an application's client sends, to tell which client carried a call. */
final class CountingInterceptor implements HttpRequestInterceptor {

  private final AtomicInteger count = new AtomicInteger();

  @Override
  public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
    count.incrementAndGet();
  }

  int count() {
    return count.get();
  }
}
