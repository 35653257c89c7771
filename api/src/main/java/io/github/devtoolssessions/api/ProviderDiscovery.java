package io.github.devtoolssessions.api;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Finds the providers of one port through {@link ServiceLoader} and chooses one.
 *
 * <p>Providers are looked up through the thread's context class loader (where application servers
 * and build tools put the application) and through this library's own loader (where a plain
 * classpath or module path puts it), keeping one per provider class. The choice: a requested name
 * (from the builder, else the system property, else the environment variable) must be present;
 * otherwise the highest priority wins, and names break ties in alphabetical order.
 *
 * @param <P> the provider interface
 */
final class ProviderDiscovery<P> {

  private final Class<P> type;
  private final String port;
  private final Function<P, String> nameOf;
  private final ToIntFunction<P> priorityOf;
  private final String artifactsHint;

  /**
   * Discovery for one port.
   *
   * @param type the provider interface
   * @param port the port's name in messages and reports: {@code transport} or {@code json}
   * @param nameOf the provider's name
   * @param priorityOf the provider's priority
   * @param artifactsHint the sentence naming the artifacts to add when none is found
   */
  ProviderDiscovery(
      Class<P> type,
      String port,
      Function<P, String> nameOf,
      ToIntFunction<P> priorityOf,
      String artifactsHint) {
    this.type = type;
    this.port = port;
    this.nameOf = nameOf;
    this.priorityOf = priorityOf;
    this.artifactsHint = artifactsHint;
  }

  /**
   * A provider name asked for.
   *
   * @param name the name, compared without regard to case
   * @param source who asked, for messages: {@code the builder}, {@code system property ...}
   */
  record Requested(String name, String source) {}

  /** A chosen provider and the account of the choice. */
  record Chosen<P>(P provider, AdapterChoice choice) {}

  /** Every provider found, highest priority first, then by name. */
  List<P> findAll() {
    Map<String, P> byClass = new LinkedHashMap<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader own = ProviderDiscovery.class.getClassLoader();
    if (ProviderDiscovery.class.getModule().isNamed()) {
      // On the module path, ServiceLoader.load(Class) sees the providers of the module layer.
      addAll(byClass, ServiceLoader.load(type));
    }
    if (context != null) {
      addAll(byClass, ServiceLoader.load(type, context));
    }
    if (own != null && own != context) {
      addAll(byClass, ServiceLoader.load(type, own));
    }
    List<P> all = new ArrayList<>(byClass.values());
    all.sort(
        Comparator.comparingInt(priorityOf).reversed().thenComparing(nameOf, String::compareTo));
    return all;
  }

  private void addAll(Map<String, P> byClass, ServiceLoader<P> loader) {
    try {
      for (P provider : loader) {
        byClass.putIfAbsent(provider.getClass().getName(), provider);
      }
    } catch (ServiceConfigurationError e) {
      throw new ConfigurationException(
          "a " + type.getSimpleName() + " could not be loaded: " + e.getMessage(), e);
    }
  }

  /**
   * Chooses among what {@link #findAll()} finds.
   *
   * @param requested the requested name and who asked for it, if any
   * @throws ConfigurationException if nothing is found, or the requested name is not among what is
   */
  Chosen<P> choose(Optional<Requested> requested) {
    List<P> all = findAll();
    List<AdapterCandidate> candidates = new ArrayList<>(all.size());
    for (P p : all) {
      candidates.add(
          new AdapterCandidate(
              nameOf.apply(p), priorityOf.applyAsInt(p), p.getClass().getName(), sourceOf(p)));
    }
    if (all.isEmpty()) {
      throw new ConfigurationException(
          "no "
              + type.getSimpleName()
              + " found on the class path or module path"
              + requested.map(r -> " (" + r.source() + " asked for '" + r.name() + "')").orElse("")
              + ". "
              + artifactsHint);
    }
    if (requested.isPresent()) {
      String wanted = requested.get().name().strip();
      for (int i = 0; i < all.size(); i++) {
        if (nameOf.apply(all.get(i)).equalsIgnoreCase(wanted)) {
          return new Chosen<>(
              all.get(i),
              new AdapterChoice(
                  port,
                  candidates,
                  nameOf.apply(all.get(i)),
                  "requested by " + requested.get().source()));
        }
      }
      throw new ConfigurationException(
          requested.get().source()
              + " asks for the "
              + port
              + " '"
              + requested.get().name()
              + "', which is not present; present: "
              + candidates
              + ". "
              + artifactsHint);
    }
    P first = all.get(0);
    String reason;
    if (all.size() == 1) {
      reason = "the only one found";
    } else if (priorityOf.applyAsInt(all.get(1)) == priorityOf.applyAsInt(first)) {
      reason =
          "highest priority ("
              + priorityOf.applyAsInt(first)
              + "), tied with "
              + nameOf.apply(all.get(1))
              + " and first by name";
    } else {
      reason = "highest priority (" + priorityOf.applyAsInt(first) + ")";
    }
    return new Chosen<>(first, new AdapterChoice(port, candidates, nameOf.apply(first), reason));
  }

  static String sourceOf(Object provider) {
    Class<?> c = provider.getClass();
    Module module = c.getModule();
    if (module.isNamed()) {
      return "module " + module.getName();
    }
    try {
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      URL location = cs == null ? null : cs.getLocation();
      return location == null ? "unknown" : location.toString();
    } catch (SecurityException e) {
      return "unknown";
    }
  }
}
