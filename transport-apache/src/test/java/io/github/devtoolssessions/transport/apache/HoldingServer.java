package io.github.devtoolssessions.transport.apache;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 over plain sockets, which keeps connections alive and
 * answers every request with {@code 200} and a small body, except the one it was told to hold: that
 * one gets no answer at all while the server watches its connection for the client going away.
 *
 * <p>{@link LoopbackServer} cannot do this: {@code com.sun.net.httpserver} does not read a
 * connection whose handler is busy, so it never sees the client close it. Here the thread of the
 * held connection blocks reading it, and end of stream (or a reset) is the client aborting.
 */
final class HoldingServer implements AutoCloseable {

  private static final byte[] ANSWER =
      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
          .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Integer> requestConnections = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch abandoned = new CountDownLatch(1);
  private final int held;
  private volatile boolean closing;

  /**
   * A server that holds back the answer to its {@code held}-th request (counting from 1) and
   * answers all others at once.
   */
  private HoldingServer(int held) throws IOException {
    this.held = held;
    listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    threads.execute(this::accept);
  }

  static HoldingServer holdingRequest(int held) {
    try {
      return new HoldingServer(held);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
  }

  /** For each request so far, in order, the number (from 1) of the connection it came on. */
  List<Integer> requestConnections() {
    return List.copyOf(requestConnections);
  }

  /** How many connections clients have opened so far. */
  int connectionsOpened() {
    return connections.get();
  }

  /** How many connections are open now. */
  int openConnections() {
    return open.get();
  }

  /** Waits for the client to close the connection of the held request. */
  boolean awaitHeldAbandoned(long timeout, TimeUnit unit) throws InterruptedException {
    return abandoned.await(timeout, unit);
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException closed) {
        return;
      }
      int connection = connections.incrementAndGet();
      open.incrementAndGet();
      sockets.add(socket);
      threads.execute(() -> serve(socket, connection));
    }
  }

  private void serve(Socket socket, int connection) {
    boolean holding = false;
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (readRequest(in)) {
        requestConnections.add(connection);
        if (requests.incrementAndGet() == held) {
          holding = true;
          // No answer: the client either waits or closes the connection, which ends this read.
          if (in.read() < 0 && !closing) {
            abandoned.countDown();
          }
          return;
        }
        out.write(ANSWER);
        out.flush();
      }
    } catch (IOException reset) {
      if (holding && !closing) {
        abandoned.countDown();
      }
    } finally {
      open.decrementAndGet();
    }
  }

  /** Reads a request head and its body, if it declares one; false at end of stream. */
  private static boolean readRequest(InputStream in) throws IOException {
    long length = 0;
    boolean first = true;
    while (true) {
      String line = readLine(in);
      if (line == null) {
        return false;
      }
      if (line.isEmpty()) {
        if (first) {
          continue;
        }
        break;
      }
      first = false;
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring("content-length:".length()).trim());
      }
    }
    for (long skipped = 0; skipped < length; skipped++) {
      if (in.read() < 0) {
        return false;
      }
    }
    return true;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.US_ASCII);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return null;
  }

  @Override
  public void close() {
    closing = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing anyway.
      }
    }
    threads.shutdownNow();
  }
}
