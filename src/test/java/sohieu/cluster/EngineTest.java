package sohieu.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection options on real sockets: basic auth reaches the server and never the engine's description, HTTPS
 * works with the CA file that signed the server's certificate and fails without it, bad URLs and CA files are named.
 */
class EngineTest {
  @TempDir Path temp;

  @Test
  void basicAuthIsSentAndThePasswordNeverShown() throws Exception {
    List<String> auth = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      if (header == null) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"cluster\"");
        exchange.sendResponseHeaders(401, -1);
      } else {
        auth.add(header);
        byte[] body = "{\"count\":7}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    try (Engine engine = Engine.connect(url, "analyst", "s3cr3t pass", null)) {
      assertEquals(7, engine.call("GET", "/sohieu/_count", null).path("count").asInt());
      assertEquals("Basic " + Base64.getEncoder().encodeToString("analyst:s3cr3t pass".getBytes(StandardCharsets.UTF_8)),
          auth.get(0));
      assertFalse(engine.toString().contains("s3cr3t"), engine.toString());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void httpsTrustsTheCaFileOnly() throws Exception {
    Path store = temp.resolve("node.p12"), cert = temp.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "node", "-keystore", store.toString(), "-storepass", "changeit",
        "-file", cert.toString());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext("/", exchange -> {
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    String url = "https://127.0.0.1:" + server.getAddress().getPort();
    try {
      try (Engine engine = Engine.connect(url, null, null, cert)) {
        assertTrue(engine.call("GET", "/", null).path("ok").asBoolean());
      }
      try (Engine untrusting = Engine.connect(url, null, null, null)) {
        assertThrows(Exception.class, () -> untrusting.call("GET", "/", null));
      }
    } finally {
      server.stop(0);
    }
  }

  @Test
  void badUrlsAndCaFilesAreNamed() throws Exception {
    assertEquals("engine URL ftp://host is not an http:// or https:// URL of a node",
        assertThrows(IllegalArgumentException.class, () -> Engine.connect("ftp://host", null, null, null)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Engine.connect("http://me:pw@host:9200", null, null, null))
        .getMessage().contains("SOHIEU_ENGINE_PASSWORD"));
    // A password that makes the URL unparsable, or its authority host-less, is refused before the URL is repeated
    for (String url : List.of("https://admin:p@ss@host", "http://me:s3cr et@host:9200", "me:100%@host:9200")) {
      String message = assertThrows(IllegalArgumentException.class, () -> Engine.connect(url, null, null, null)).getMessage();
      assertTrue(message.contains("SOHIEU_ENGINE_PASSWORD") && !message.contains("ss@") && !message.contains("s3cr")
          && !message.contains("100%"), message);
    }
    Path notACert = Files.writeString(temp.resolve("ca.pem"), "not a certificate");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Engine.connect("https://host", null, null, notACert))
        .getMessage().startsWith("CA file " + notACert));
  }

  @Test
  void aGatewaysErrorPageIsNamedByItsStatusOnTheFirstLine() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "<html>\n<body>Bad gateway</body>\n</html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(502, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (Engine engine = Engine.connect("http://127.0.0.1:" + server.getAddress().getPort(), null)) {
      // The transport reports a gateway's error itself (it retries those); the first line of its message names the status
      java.io.IOException e = assertThrows(java.io.IOException.class, () -> engine.call("GET", "/_count", null));
      assertTrue(e.getMessage().lines().findFirst().orElse("").contains("502"), e.getMessage());
    } finally {
      server.stop(0);
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }
}
