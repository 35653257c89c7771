package io.github.devtoolssessions.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which {@link Fault} the fake applies to which request; one per {@link FakeDevtoolsApi}, reached
 * through {@link FakeDevtoolsApi#faults()}. Empty at first: every request is answered normally.
 *
 * <p>For each request that reaches the fake through {@linkplain FakeDevtoolsApi#asTransport() its
 * transport} or {@linkplain FakeDevtoolsApi#start() its server}, the plan picks one fault, the
 * first of:
 *
 * <ol>
 *   <li>the oldest fault queued by {@link #next}, which is then used up;
 *   <li>the fault of the first {@link #when} rule, in the order they were added, whose condition
 *       holds for the request;
 *   <li>the fault set by {@link #always}.
 * </ol>
 *
 * <p>Otherwise the request is answered normally. {@link FakeDevtoolsApi#handle} never consults the
 * plan: it is the endpoint's logic, faults happen on the way to the client. Methods return this
 * plan, for chaining. Thread-safe; concurrent requests take queued faults in the order they reach
 * the fake.
 */
public final class FaultPlan {

  private record Rule(Predicate<RecordedRequest> condition, Fault fault) {}

  private final Deque<Fault> queued = new ArrayDeque<>();
  private final List<Rule> rules = new ArrayList<>();
  private Fault standing;

  FaultPlan() {}

  /**
   * Queues faults for the next requests, one each, in order, after any still queued: {@code next(a,
   * b)} applies {@code a} to the next request and {@code b} to the one after. {@link Fault#none()}
   * lets a request through.
   */
  public synchronized FaultPlan next(Fault... faults) {
    Objects.requireNonNull(faults, "faults");
    for (Fault f : faults) {
      Objects.requireNonNull(f, "a fault is null");
    }
    queued.addAll(List.of(faults));
    return this;
  }

  /**
   * Adds a standing rule: every request for which {@code condition} holds gets {@code fault},
   * unless a queued fault or an earlier rule comes first. The condition sees the request as the
   * journal records it; it runs while the plan is locked, so it must be quick and must not change
   * the plan.
   */
  public synchronized FaultPlan when(Predicate<RecordedRequest> condition, Fault fault) {
    rules.add(
        new Rule(Objects.requireNonNull(condition, "condition"), Objects.requireNonNull(fault)));
    return this;
  }

  /**
   * Sets the standing fault for every request that no queued fault and no {@link #when} rule
   * claims, replacing the one set before; {@link Fault#none()} removes it.
   */
  public synchronized FaultPlan always(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    standing = fault == Fault.none() ? null : fault;
    return this;
  }

  /** Removes every queued fault, every rule and the standing fault. */
  public synchronized FaultPlan clear() {
    queued.clear();
    rules.clear();
    standing = null;
    return this;
  }

  /** How many queued faults are still waiting for a request. */
  public synchronized int pending() {
    return queued.size();
  }

  /** The fault for this request, using up a queued one; {@link Fault#none()} if none applies. */
  synchronized Fault take(RecordedRequest request) {
    Fault next = queued.poll();
    if (next != null) {
      return next;
    }
    for (Rule rule : rules) {
      if (rule.condition().test(request)) {
        return rule.fault();
      }
    }
    return standing == null ? Fault.none() : standing;
  }
}
