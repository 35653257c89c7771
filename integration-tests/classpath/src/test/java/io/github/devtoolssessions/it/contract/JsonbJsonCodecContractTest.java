package io.github.devtoolssessions.it.contract;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.json.jsonb.JsonbJsonCodec;
import io.github.devtoolssessions.testkit.contract.JsonCodecContract;

/** The testkit's JsonCodecContract, proving the adapter over JSON-P streaming (JSON-B codec). */
class JsonbJsonCodecContractTest extends JsonCodecContract {

  @Override
  protected JsonCodec createCodec() {
    return JsonbJsonCodec.create();
  }
}
