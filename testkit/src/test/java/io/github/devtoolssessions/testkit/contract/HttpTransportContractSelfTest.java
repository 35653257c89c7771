package io.github.devtoolssessions.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Headers;
import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.ResponseTimeoutException;
import io.github.devtoolssessions.core.TransportException;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.core.TransportRequest;
import io.github.devtoolssessions.core.TransportResponse;
import io.github.devtoolssessions.transport.jdk.JdkHttpTransport;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The transport contract fails transports that break it: each broken transport below, a JDK
 * transport with one flaw, fails the contract tests that pin that behaviour.
 */
class HttpTransportContractSelfTest {

  private interface ContractTest {
    void run(HttpTransportContract contract) throws Exception;
  }

  /** A JDK transport whose requests, responses or failures pass through the given changes. */
  private static class Flawed implements HttpTransport {
    final JdkHttpTransport real;

    Flawed(TransportOptions options) {
      real = JdkHttpTransport.create(options);
    }

    TransportRequest out(TransportRequest request) {
      return request;
    }

    TransportResponse in(TransportRequest request, TransportResponse response) {
      return response;
    }

    RuntimeException failure(RuntimeException e) {
      return e;
    }

    @Override
    public TransportResponse send(TransportRequest request) {
      try {
        return in(request, real.send(out(request)));
      } catch (RuntimeException e) {
        throw failure(e);
      }
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      return real.sendAsync(out(request)).thenApply(r -> in(request, r));
    }

    @Override
    public void close() {
      real.close();
    }
  }

  /** Runs one contract test against the transport; what it threw, or null. */
  private static Throwable outcome(
      Function<TransportOptions, HttpTransport> factory, ContractTest test) {
    HttpTransportContract contract =
        new HttpTransportContract() {
          @Override
          protected HttpTransport createTransport(TransportOptions options) {
            return factory.apply(options);
          }

          @Override
          protected Duration patience() {
            return Duration.ofSeconds(2);
          }
        };
    contract.startServerAndTransport();
    try {
      test.run(contract);
      return null;
    } catch (Throwable t) {
      return t;
    } finally {
      contract.closeTransportAndServer();
    }
  }

  private static void assertFails(
      Function<TransportOptions, HttpTransport> factory, ContractTest test) {
    // An assertion that fails or an exception the test did not expect: either fails the test.
    assertThat(outcome(factory, test)).isNotNull();
  }

  @Test
  void theJdkTransportPassesTheTestsUsedHere() {
    Function<TransportOptions, HttpTransport> jdk = JdkHttpTransport::create;

    assertThat(outcome(jdk, HttpTransportContract::headersArriveExactlyAsGiven)).isNull();
    assertThat(
            outcome(
                jdk, HttpTransportContract::cancellingSendAsyncBeforeTheHeadersAbortsTheExchange))
        .isNull();
  }

  @Test
  void aTransportThatFollowsRedirectsFails() {
    assertFails(
        options ->
            new Flawed(options) {
              @Override
              TransportResponse in(TransportRequest request, TransportResponse response) {
                Optional<String> location = response.headers().firstValue("Location");
                if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                  return response;
                }
                return real.send(
                    TransportRequest.get(URI.create(location.get()), request.headers()));
              }
            },
        HttpTransportContract::aRedirectIsNotFollowedAndItsTargetNeverSeesCredentials);
  }

  @Test
  void aTransportThatKeepsOnlyTheFirstValueOfAHeaderFails() {
    UnaryOperator<Headers> firstOnly =
        headers -> {
          Headers.Builder b = Headers.builder();
          for (Map.Entry<String, List<String>> h : headers.map().entrySet()) {
            b.add(h.getKey(), h.getValue().get(0));
          }
          return b.build();
        };
    Function<TransportOptions, HttpTransport> flawed =
        options ->
            new Flawed(options) {
              @Override
              TransportRequest out(TransportRequest r) {
                return new TransportRequest(
                    r.method(),
                    r.uri(),
                    firstOnly.apply(r.headers()),
                    r.timeout(),
                    r.maxBodyBytes());
              }

              @Override
              TransportResponse in(TransportRequest request, TransportResponse r) {
                return new TransportResponse(
                    r.statusCode(), firstOnly.apply(r.headers()), r.body());
              }
            };

    assertFails(flawed, HttpTransportContract::headersArriveExactlyAsGiven);
    assertFails(flawed, HttpTransportContract::repeatedResponseHeadersAreAllReadable);
  }

  @Test
  void aTransportThatDecodesThePathFails() {
    assertFails(
        options ->
            new Flawed(options) {
              @Override
              TransportRequest out(TransportRequest r) {
                URI u = r.uri();
                try {
                  URI decoded =
                      new URI(
                          u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null);
                  return new TransportRequest(
                      r.method(), decoded, r.headers(), r.timeout(), r.maxBodyBytes());
                } catch (URISyntaxException e) {
                  throw new IllegalStateException(e);
                }
              }
            },
        HttpTransportContract::percentEncodedPathSegmentsArriveIntact);
  }

  @Test
  void aTransportThatIgnoresTheBodyCapFails() {
    Function<TransportOptions, HttpTransport> flawed =
        options ->
            new Flawed(options) {
              @Override
              TransportRequest out(TransportRequest r) {
                return r.withMaxBodyBytes(Long.MAX_VALUE);
              }
            };

    assertFails(flawed, HttpTransportContract::aBodyOverTheCapIsTooLargeAndOneAtTheCapIsRead);
    assertFails(flawed, HttpTransportContract::aBodyFarOverTheCapIsTooLarge);
  }

  @Test
  void theJdkTransportPassesTheCompressionTests() {
    Function<TransportOptions, HttpTransport> jdk = JdkHttpTransport::create;

    assertThat(
            outcome(jdk, HttpTransportContract::requestsAcceptGzipUnlessTheyNameCodingsThemselves))
        .isNull();
    assertThat(
            outcome(
                jdk, HttpTransportContract::aGzipBodyComesBackDecodedAsTheVeryBytesOfThePlainOne))
        .isNull();
    assertThat(outcome(jdk, HttpTransportContract::aGzipBodyAtTheCapIsReadAndOneByteOverIsTooLarge))
        .isNull();
    assertThat(outcome(jdk, HttpTransportContract::aGzipBombIsTooLargeAndItsConnectionIsLetGo))
        .isNull();
    assertThat(outcome(jdk, HttpTransportContract::aCorruptGzipBodyIsATransportException)).isNull();
    assertThat(
            outcome(jdk, HttpTransportContract::aBodyInACodingNeverAskedForIsATransportException))
        .isNull();
  }

  @Test
  void aTransportThatDoesNotAskForGzipFails() {
    Function<TransportOptions, HttpTransport> flawed =
        options ->
            new Flawed(options) {
              @Override
              TransportRequest out(TransportRequest r) {
                if (r.headers().firstValue("Accept-Encoding").isPresent()) {
                  return r;
                }
                return new TransportRequest(
                    r.method(),
                    r.uri(),
                    r.headers().toBuilder().add("Accept-Encoding", "identity").build(),
                    r.timeout(),
                    r.maxBodyBytes());
              }
            };

    assertFails(flawed, HttpTransportContract::requestsAcceptGzipUnlessTheyNameCodingsThemselves);
    assertFails(
        flawed, HttpTransportContract::aGzipBodyComesBackDecodedAsTheVeryBytesOfThePlainOne);
    assertFails(flawed, HttpTransportContract::aGzipBodyAtTheCapIsReadAndOneByteOverIsTooLarge);
  }

  @Test
  void aTransportThatKeepsTheEncodingHeadersOfADecodedBodyFails() {
    assertFails(
        options ->
            new Flawed(options) {
              @Override
              TransportResponse in(TransportRequest request, TransportResponse r) {
                return new TransportResponse(
                    r.statusCode(),
                    r.headers().toBuilder()
                        .add("Content-Encoding", "gzip")
                        .add("Content-Length", "17")
                        .build(),
                    r.body());
              }
            },
        HttpTransportContract::aGzipBodyComesBackDecodedAsTheVeryBytesOfThePlainOne);
  }

  @Test
  void aTransportThatLetsADecodedBodyPastTheCapFails() {
    Function<TransportOptions, HttpTransport> flawed =
        options ->
            new Flawed(options) {
              @Override
              TransportRequest out(TransportRequest r) {
                return r.withMaxBodyBytes(Long.MAX_VALUE);
              }
            };

    assertFails(flawed, HttpTransportContract::aGzipBombIsTooLargeAndItsConnectionIsLetGo);
    assertFails(flawed, HttpTransportContract::aGzipBodyAtTheCapIsReadAndOneByteOverIsTooLarge);
  }

  @Test
  void aTransportThatHandsOnACorruptGzipBodyFails() {
    Function<TransportOptions, HttpTransport> flawed =
        options ->
            new Flawed(options) {
              @Override
              public TransportResponse send(TransportRequest request) {
                try {
                  return super.send(request);
                } catch (TransportException e) {
                  return new TransportResponse(200, Headers.empty(), new byte[0]);
                }
              }
            };

    assertFails(flawed, HttpTransportContract::aCorruptGzipBodyIsATransportException);
    assertFails(flawed, HttpTransportContract::aBodyInACodingNeverAskedForIsATransportException);
  }

  @Test
  void aTransportThatThrowsOnErrorStatusesFails() {
    assertFails(
        options ->
            new Flawed(options) {
              @Override
              TransportResponse in(TransportRequest request, TransportResponse r) {
                if (r.statusCode() >= 400) {
                  throw new TransportException("status " + r.statusCode());
                }
                return r;
              }
            },
        HttpTransportContract::nonSuccessStatusesComeBackAsResponses);
  }

  @Test
  void aTransportThatHidesFailuresBehindAResponseFails() {
    Function<TransportOptions, HttpTransport> flawed =
        options ->
            new Flawed(options) {
              @Override
              public TransportResponse send(TransportRequest request) {
                try {
                  return super.send(request);
                } catch (TransportException e) {
                  return new TransportResponse(599, Headers.empty(), new byte[0]);
                }
              }
            };

    assertFails(flawed, HttpTransportContract::aRefusedConnectionIsATransportException);
    assertFails(flawed, HttpTransportContract::aResetConnectionIsATransportException);
    assertFails(flawed, HttpTransportContract::aTruncatedBodyIsATransportException);
    assertFails(flawed, HttpTransportContract::sendAndSendAsyncAgree);
  }

  @Test
  void aTransportThatReportsATimeoutAsAPlainFailureFails() {
    Function<TransportOptions, HttpTransport> flawed =
        options ->
            new Flawed(options) {
              @Override
              RuntimeException failure(RuntimeException e) {
                return e instanceof ResponseTimeoutException
                    ? new TransportException("timed out")
                    : e;
              }
            };

    assertFails(
        flawed, HttpTransportContract::aResponseLaterThanTheTimeoutIsAResponseTimeoutException);
    assertFails(
        flawed, HttpTransportContract::aBodyStallingPastTheTimeoutIsAResponseTimeoutException);
  }

  @Test
  void aTransportThatIgnoresTheTimeoutFails() {
    assertFails(
        options ->
            new Flawed(options) {
              @Override
              TransportRequest out(TransportRequest r) {
                return new TransportRequest(
                    r.method(), r.uri(), r.headers(), Optional.empty(), r.maxBodyBytes());
              }
            },
        HttpTransportContract::aResponseLaterThanTheTimeoutIsAResponseTimeoutException);
  }

  @Test
  void aTransportWhoseSendAsyncCannotBeCancelledFails() {
    Function<TransportOptions, HttpTransport> flawed =
        options ->
            new Flawed(options) {
              @Override
              public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
                // The interface's default: cancelling the future leaves the exchange running.
                return CompletableFuture.supplyAsync(() -> send(request));
              }
            };

    assertFails(
        flawed, HttpTransportContract::cancellingSendAsyncBeforeTheHeadersAbortsTheExchange);
    assertFails(flawed, HttpTransportContract::cancellingSendAsyncMidBodyAbortsTheExchange);
  }

  @Test
  void aTransportWhoseSendAsyncBlocksFails() {
    assertFails(
        options ->
            new Flawed(options) {
              @Override
              public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
                return CompletableFuture.completedFuture(send(request));
              }
            },
        HttpTransportContract::sendAsyncReturnsBeforeTheResponseArrives);
  }

  @Test
  void aTransportWhoseSendAsyncFailsDifferentlyFails() {
    assertFails(
        options ->
            new Flawed(options) {
              @Override
              public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
                return super.sendAsync(request)
                    .exceptionally(
                        e -> {
                          throw new IllegalStateException("async failed", e);
                        });
              }
            },
        HttpTransportContract::sendAndSendAsyncAgree);
  }
}
