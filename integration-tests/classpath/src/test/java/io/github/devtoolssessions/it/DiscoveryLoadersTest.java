package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devtoolssessions.api.DevtoolsSessionsClient;
import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import io.github.devtoolssessions.transport.jdk.JdkHttpTransport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Adapter discovery across class loaders, as application servers and build tools arrange them: the
 * library in one loader, the adapters in a child loader that is only the thread's context loader,
 * or no adapter anywhere. Each scenario loads core and api afresh in an isolated loader whose
 * parent is the platform loader, so nothing of this test's class path leaks in.
 */
class DiscoveryLoadersTest {

  private static URL jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  private static URLClassLoader library() {
    return new URLClassLoader(
        "library",
        new URL[] {jarOf(Session.class), jarOf(DevtoolsSessionsClient.class)},
        ClassLoader.getPlatformClassLoader());
  }

  /**
   * Calls {@code
   * DevtoolsSessionsClient.builder().accountId(..).credentials(..).environment(Map.of())
   * .build().discoveryReport().toString()} in the library loader, with {@code context} as the
   * thread's context loader; returns the report's text, or the failure's type and message.
   */
  private static String build(ClassLoader library, ClassLoader context) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(context);
    try {
      Class<?> clientType = library.loadClass(DevtoolsSessionsClient.class.getName());
      Class<?> credentialsType = library.loadClass("io.github.devtoolssessions.core.Credentials");
      Object builder = clientType.getMethod("builder").invoke(null);
      Class<?> builderType = builder.getClass();
      builderType.getMethod("accountId", String.class).invoke(builder, "acc");
      Object token = credentialsType.getMethod("apiToken", String.class).invoke(null, "t0k3n");
      builderType.getMethod("credentials", credentialsType).invoke(builder, token);
      builderType.getMethod("environment", Map.class).invoke(builder, Map.of());
      Object client = builderType.getMethod("build").invoke(builder);
      try {
        return clientType.getMethod("discoveryReport").invoke(client).toString();
      } finally {
        clientType.getMethod("close").invoke(client);
      }
    } catch (InvocationTargetException e) {
      return e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void withNoAdapterAnywhereOneErrorNamesTheArtifactsToAddForBothPorts() throws Exception {
    try (URLClassLoader library = library()) {
      String outcome = build(library, library);

      assertThat(outcome)
          .startsWith("io.github.devtoolssessions.api.ConfigurationException: no ")
          .contains("found on the class path or module path")
          .contains("io.github.devtoolssessions:devtools-sessions-transport-jdk")
          .contains("io.github.devtoolssessions:devtools-sessions-transport-apache")
          .contains("transport(...)")
          // Both ports at once, so that fixing one does not just reveal the other.
          .contains(" Also: no JsonCodecProvider found")
          .contains("io.github.devtoolssessions:devtools-sessions-json-jackson")
          .contains("io.github.devtoolssessions:devtools-sessions-json-jsonb")
          .doesNotContain("t0k3n");
    }
  }

  @Test
  void adaptersOnlyTheContextLoaderSeesAreFound() throws Exception {
    try (URLClassLoader library = library();
        URLClassLoader application =
            new URLClassLoader(
                "application",
                new URL[] {
                  jarOf(JdkHttpTransport.class),
                  jarOf(JacksonJsonCodec.class),
                  jarOf(JsonFactory.class),
                  jarOf(ObjectMapper.class),
                  jarOf(JsonProperty.class)
                },
                library)) {
      // The library's own loader sees no adapter: without the context loader, this fails.
      assertThat(build(library, library)).contains("ConfigurationException");

      String report = build(library, application);

      assertThat(report).contains("jdk").contains("jackson").doesNotContain("Exception");
    }
  }

  @Test
  void theIsolatedLibraryIsNotTheTestsOwn() throws Exception {
    // Guards the two tests above: were the library loaded from this test's class path, adapters
    // would be found through it and the scenarios would prove nothing.
    try (URLClassLoader library = library()) {
      Class<?> isolated = library.loadClass(DevtoolsSessionsClient.class.getName());
      assertThat(isolated).isNotSameAs(DevtoolsSessionsClient.class);
      Method builder = isolated.getMethod("builder");
      assertThat(builder.getReturnType().getClassLoader()).isSameAs(library);
    }
  }
}
