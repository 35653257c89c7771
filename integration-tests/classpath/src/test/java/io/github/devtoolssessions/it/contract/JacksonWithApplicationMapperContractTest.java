package io.github.devtoolssessions.it.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.testkit.contract.JsonCodecContract;

/** The codec contract for a Jackson codec built around an application's strict ObjectMapper. */
class JacksonWithApplicationMapperContractTest extends JsonCodecContract {

  @Override
  protected JsonCodec createCodec() {
    return JacksonJsonCodec.create(
        new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS));
  }
}
