package io.github.devtoolssessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devtoolssessions.core.Session;
import io.github.devtoolssessions.json.jackson.JacksonJsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NdjsonOutputTest {

  @Test
  void writesOneObjectPerLineAtOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NdjsonOutput output =
        new NdjsonOutput(
            new PrintStream(bytes, false, StandardCharsets.UTF_8), JacksonJsonCodec.create());
    output.print(Session.builder("a").build());
    output.print(Session.builder("b").build());
    assertThat(output.flush()).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"sessionId\":\"a\"}"
                + System.lineSeparator()
                + "{\"sessionId\":\"b\"}"
                + System.lineSeparator());
  }

  @Test
  void aPrettyPrintedObjectIsFoldedOntoOneLine() {
    byte[] pretty =
        "{\n  \"sessionId\" : \"a\\nb\",\r\n  \"x\" : 1\n}".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(NdjsonOutput.singleLine(pretty), StandardCharsets.UTF_8))
        .isEqualTo("{  \"sessionId\" : \"a\\nb\",  \"x\" : 1}");
  }

  @Test
  void flushTellsWhenStandardOutputIsClosed() {
    OutputStream closed =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    NdjsonOutput output =
        new NdjsonOutput(
            new PrintStream(closed, false, StandardCharsets.UTF_8), JacksonJsonCodec.create());
    output.print(Session.builder("a").build());
    assertThat(output.flush()).isFalse();
  }
}
