package io.github.devtoolssessions.json.jsonb;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.JsonCodecProvider;

/**
 * Registers {@link JsonbJsonCodec} for {@link java.util.ServiceLoader}, on the classpath ({@code
 * META-INF/services}) and on the module path ({@code provides}).
 */
public final class JsonbCodecProvider implements JsonCodecProvider {

  /** The provider's name, {@value}. */
  static final String NAME = "jsonb";

  /**
   * The provider's priority, {@value}: below Jackson's 100, so Jackson wins when both are there.
   */
  static final int PRIORITY = 50;

  /** The constructor {@link java.util.ServiceLoader} calls. */
  public JsonbCodecProvider() {}

  /** {@return {@code jsonb}} */
  @Override
  public String name() {
    return NAME;
  }

  /** {@return 50} */
  @Override
  public int priority() {
    return PRIORITY;
  }

  /** {@return the streaming codec of {@link JsonbJsonCodec#create()}} */
  @Override
  public JsonCodec create() {
    return JsonbJsonCodec.create();
  }
}
