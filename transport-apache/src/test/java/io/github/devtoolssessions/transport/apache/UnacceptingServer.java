package io.github.devtoolssessions.transport.apache;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket on 127.0.0.1 that never accepts and whose accept queue is full, so that a new
 * connection attempt gets no answer and runs into its connect timeout. Linux drops the SYN of a
 * connection to a listener whose accept queue is full; the queue holds one more connection than the
 * backlog, so a few connections made up front fill it.
 */
final class UnacceptingServer implements AutoCloseable {

  private final ServerSocket listener;
  private final List<Socket> fillers = new ArrayList<>();

  private UnacceptingServer() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    for (int i = 0; i < 3; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(listener.getLocalSocketAddress(), 200);
        fillers.add(filler);
      } catch (IOException queueAlreadyFull) {
        filler.close();
        break;
      }
    }
  }

  static UnacceptingServer start() throws IOException {
    return new UnacceptingServer();
  }

  URI uri() {
    InetSocketAddress address = (InetSocketAddress) listener.getLocalSocketAddress();
    return URI.create("http://127.0.0.1:" + address.getPort() + "/unaccepted");
  }

  @Override
  public void close() throws IOException {
    for (Socket filler : fillers) {
      filler.close();
    }
    listener.close();
  }
}
