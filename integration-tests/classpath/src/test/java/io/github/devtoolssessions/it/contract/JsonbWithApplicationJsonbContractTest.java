package io.github.devtoolssessions.it.contract;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.json.jsonb.JsonbJsonCodec;
import io.github.devtoolssessions.testkit.contract.JsonCodecContract;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/** The codec contract for a JSON-B codec built around an application's configured Jsonb. */
class JsonbWithApplicationJsonbContractTest extends JsonCodecContract {

  @Override
  protected JsonCodec createCodec() {
    return JsonbJsonCodec.create(
        JsonbBuilder.create(new JsonbConfig().withNullValues(true).withFormatting(true)));
  }
}
