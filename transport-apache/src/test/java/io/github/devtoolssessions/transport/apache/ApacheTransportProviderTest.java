package io.github.devtoolssessions.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.HttpTransport;
import io.github.devtoolssessions.core.HttpTransportProvider;
import io.github.devtoolssessions.core.TransportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Finding the transport through {@link ServiceLoader}, on the module path and the classpath. */
class ApacheTransportProviderTest {

  @Test
  void isNamedApacheWithAPriorityBelowTheJdkTransport() {
    ApacheTransportProvider provider = new ApacheTransportProvider();

    assertThat(provider.name()).isEqualTo("apache");
    assertThat(provider.priority()).isEqualTo(50);
  }

  @Test
  void createsAnApacheTransport() {
    try (HttpTransport transport =
        new ApacheTransportProvider().create(TransportOptions.defaults())) {
      assertThat(transport).isInstanceOf(ApacheHttpTransport.class);
    }
  }

  @Test
  void isFoundByTheServiceLoader() {
    // The tests run inside this module, which does not itself use the service.
    Module module = getClass().getModule();
    module.addUses(HttpTransportProvider.class);

    assertThat(ServiceLoader.load(HttpTransportProvider.class))
        .anySatisfy(p -> assertThat(p).isInstanceOf(ApacheTransportProvider.class));
  }

  @Test
  void isRegisteredInTheModuleDescriptor() {
    ModuleDescriptor descriptor = ApacheTransportProvider.class.getModule().getDescriptor();

    assertThat(descriptor).as("the tests run on the module path").isNotNull();
    assertThat(descriptor.provides())
        .anySatisfy(
            provides -> {
              assertThat(provides.service()).isEqualTo(HttpTransportProvider.class.getName());
              assertThat(provides.providers())
                  .containsExactly(ApacheTransportProvider.class.getName());
            });
    assertThat(descriptor.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly(ApacheTransportProvider.class.getPackageName());
  }

  @Test
  void isRegisteredInMetaInfServicesForTheClasspath() throws IOException {
    String file = "META-INF/services/" + HttpTransportProvider.class.getName();
    try (InputStream in = ApacheTransportProvider.class.getModule().getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo(ApacheTransportProvider.class.getName());
    }
  }
}
