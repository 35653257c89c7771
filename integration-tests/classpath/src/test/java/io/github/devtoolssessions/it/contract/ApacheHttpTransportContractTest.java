package io.github.devtoolssessions.it.contract;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.TransportOptions;
import io.github.devtoolssessions.testkit.contract.HttpTransportContract;
import io.github.devtoolssessions.transport.apache.ApacheHttpTransport;

/** The testkit's HttpTransportContract, proving the adapter over Apache HttpClient 5. */
class ApacheHttpTransportContractTest extends HttpTransportContract {

  @Override
  protected HttpTransport createTransport(TransportOptions options) {
    return ApacheHttpTransport.create(options);
  }
}
