package io.github.devtoolssessions.it.contract;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.testkit.contract.HttpTransportContract;
import io.github.devtoolssessions.transport.jdk.JdkHttpTransport;

/** The testkit's HttpTransportContract, proving the adapter over java.net.http. */
class JdkHttpTransportContractTest extends HttpTransportContract {

  @Override
  protected HttpTransport createTransport(TransportOptions options) {
    return JdkHttpTransport.create(options);
  }
}
