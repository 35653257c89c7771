package io.github.devtoolssessions.testkit.contract;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.transport.jdk.JdkHttpTransport;

/** The JDK transport proves the transport contract, and the contract proves itself on it. */
class JdkHttpTransportContractTest extends HttpTransportContract {

  @Override
  protected HttpTransport createTransport(TransportOptions options) {
    return JdkHttpTransport.create(options);
  }
}
