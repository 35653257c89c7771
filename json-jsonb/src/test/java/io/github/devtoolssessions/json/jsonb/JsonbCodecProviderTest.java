package io.github.devtoolssessions.json.jsonb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.JsonCodecProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JsonbCodecProviderTest {

  private static final String SERVICES_FILE =
      "META-INF/services/" + JsonCodecProvider.class.getName();

  @Test
  void isNamedJsonbWithPriority50() {
    JsonbCodecProvider provider = new JsonbCodecProvider();

    assertThat(provider.name()).isEqualTo("jsonb");
    assertThat(provider.priority()).isEqualTo(50);
  }

  @Test
  void createsTheStreamingCodec() {
    assertThat(new JsonbCodecProvider().create()).isSameAs(JsonbJsonCodec.create());
  }

  @Test
  void isFoundByServiceLoader() {
    // The module does not use the service itself; the test, patched into it, declares the use
    // (a no-op on the classpath) as a client module would in its module-info.
    Module module = getClass().getModule();
    module.addUses(JsonCodecProvider.class);

    List<String> found =
        ServiceLoader.load(JsonCodecProvider.class).stream().map(p -> p.type().getName()).toList();

    assertThat(found).contains(JsonbCodecProvider.class.getName());
  }

  @Test
  void isNamedInTheServicesFileForTheClasspath() throws IOException {
    List<URL> files = Collections.list(getClass().getClassLoader().getResources(SERVICES_FILE));
    StringBuilder names = new StringBuilder();
    for (URL file : files) {
      try (InputStream in = file.openStream()) {
        names.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }

    assertThat(names.toString().lines().map(String::strip))
        .contains(JsonbCodecProvider.class.getName());
  }
}
