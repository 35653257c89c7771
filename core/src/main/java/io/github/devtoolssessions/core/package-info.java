/**
 * The public surface of the core: values ({@link io.github.devtoolssessions.core.Session}, {@link
 * io.github.devtoolssessions.core.ListSessionsParams}, {@link
 * io.github.devtoolssessions.core.AccountId}, {@link io.github.devtoolssessions.core.Credentials}),
 * the exception hierarchy rooted at {@link
 * io.github.devtoolssessions.core.DevtoolsSessionsException}, and the ports that adapters
 * implement: {@link io.github.devtoolssessions.core.HttpTransport} and {@link
 * io.github.devtoolssessions.core.JsonCodec} with their ServiceLoader providers.
 *
 * <p>Unless a method says otherwise, {@code null} is not accepted as an argument and never
 * returned; absent values are {@link java.util.Optional}.
 */
package io.github.devtoolssessions.core;
