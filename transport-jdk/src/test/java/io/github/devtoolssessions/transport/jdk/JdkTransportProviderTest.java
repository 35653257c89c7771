package io.github.devtoolssessions.transport.jdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.HttpTransportProvider;
import io.github.devtoolssessions.core.TransportOptions;
import java.io.InputStream;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How clients find this transport. */
class JdkTransportProviderTest {

  @Test
  void isNamedJdkWithPriority100AndCreatesTheJdkTransport() {
    JdkTransportProvider provider = new JdkTransportProvider();

    assertThat(provider.name()).isEqualTo("jdk");
    assertThat(provider.priority()).isEqualTo(100);
    try (HttpTransport transport = provider.create(TransportOptions.defaults())) {
      assertThat(transport).isInstanceOf(JdkHttpTransport.class);
    }
  }

  @Test
  void isFoundByServiceLoaderOnTheModulePath() {
    // The tests are patched into the module, which provides but does not use the service.
    getClass().getModule().addUses(HttpTransportProvider.class);

    List<String> found =
        ServiceLoader.load(HttpTransportProvider.class).stream()
            .map(ServiceLoader.Provider::type)
            .map(Class::getName)
            .collect(Collectors.toList());

    assertThat(getClass().getModule().isNamed()).isTrue();
    assertThat(found).contains(JdkTransportProvider.class.getName());
  }

  @Test
  void isRegisteredForTheClassPath() throws Exception {
    String file = "META-INF/services/" + HttpTransportProvider.class.getName();
    try (InputStream in = getClass().getModule().getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      assertThat(new String(in.readAllBytes(), UTF_8).lines().map(String::strip))
          .contains(JdkTransportProvider.class.getName());
    }
  }
}
