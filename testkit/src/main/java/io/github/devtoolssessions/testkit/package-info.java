/**
 * The testkit's public surface: {@link io.github.devtoolssessions.testkit.FakeDevtoolsApi} (the
 * endpoint's logic, its session store and its request journal), {@link
 * io.github.devtoolssessions.testkit.FakeDevtoolsServer} (the same logic over loopback HTTP),
 * {@link io.github.devtoolssessions.testkit.RecordedRequest} (one journal entry), {@link
 * io.github.devtoolssessions.testkit.FakeSessions} (realistic, seeded test data), and {@link
 * io.github.devtoolssessions.testkit.Fault} with {@link
 * io.github.devtoolssessions.testkit.FaultPlan} (misbehaviour on demand, in memory and over HTTP
 * alike).
 *
 * <p>Unless a method says otherwise, {@code null} is not accepted as an argument and never
 * returned; absent values are {@link java.util.Optional}.
 */
package io.github.devtoolssessions.testkit;
