package io.github.devtoolssessions.testkit.contract;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;

/** The Jackson codec proves the codec contract, and the contract proves itself on it. */
class JacksonJsonCodecContractTest extends JsonCodecContract {

  @Override
  protected JsonCodec createCodec() {
    return JacksonJsonCodec.create();
  }
}
