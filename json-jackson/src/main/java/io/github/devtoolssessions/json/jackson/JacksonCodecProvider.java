package io.github.devtoolssessions.json.jackson;

import io.github.devtoolssessions.core.JsonCodec;
import io.github.devtoolssessions.core.JsonCodecProvider;

/**
 * Registers {@link JacksonJsonCodec} for {@link java.util.ServiceLoader}, on the classpath ({@code
 * META-INF/services}) and on the module path ({@code provides}).
 */
public final class JacksonCodecProvider implements JsonCodecProvider {

  /** The provider's name, {@value}. */
  static final String NAME = "jackson";

  /** The provider's priority, {@value}. */
  static final int PRIORITY = 100;

  /** The constructor {@link java.util.ServiceLoader} calls. */
  public JacksonCodecProvider() {}

  /** {@return {@code jackson}} */
  @Override
  public String name() {
    return NAME;
  }

  /** {@return 100} */
  @Override
  public int priority() {
    return PRIORITY;
  }

  /** {@return the codec of {@link JacksonJsonCodec#create()}} */
  @Override
  public JsonCodec create() {
    return JacksonJsonCodec.create();
  }
}
