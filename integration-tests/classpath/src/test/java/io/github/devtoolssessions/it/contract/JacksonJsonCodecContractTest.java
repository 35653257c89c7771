package io.github.devtoolssessions.it.contract;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.contract.JsonCodecContract;

/** The testkit's JsonCodecContract, proving the adapter over Jackson. */
class JacksonJsonCodecContractTest extends JsonCodecContract {

  @Override
  protected JsonCodec createCodec() {
    return JacksonJsonCodec.create();
  }
}
