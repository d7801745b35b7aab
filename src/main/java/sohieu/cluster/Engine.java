package sohieu.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A connection to an OpenSearch cluster through the OpenSearch Java client: one or more node URLs (the client spreads
 * requests over them and retries another node when one is down), basic auth, and HTTPS trusting a CA file.
 */
public final class Engine implements Closeable {
  /** The environment variable that names the engine when no option does. */
  public static final String ENV_URL = "SOHIEU_ENGINE";
  /** The environment variables of the user name and password for basic auth (never an option: it would show in ps). */
  public static final String ENV_USER = "SOHIEU_ENGINE_USER";
  public static final String ENV_PASSWORD = "SOHIEU_ENGINE_PASSWORD";

  static final ObjectMapper JSON = new ObjectMapper();

  private final ApacheHttpClient5Transport transport;
  private final OpenSearchClient client;
  private final String describe;

  private Engine(ApacheHttpClient5Transport transport, String describe) {
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
    this.describe = describe;
  }

  /**
   * Connects (lazily: nothing is sent until the first request) to the nodes of {@code urls}, comma-separated
   * http:// or https:// URLs.
   *
   * @param user     basic-auth user, or null for none
   * @param password its password
   * @param caFile   a PEM or DER certificate file of the CA that signed the nodes' certificates, or null for the JDK's
   * @throws IllegalArgumentException naming what is wrong with the URL or the CA file
   */
  public static Engine connect(String urls, String user, String password, Path caFile) {
    List<HttpHost> hosts = new ArrayList<>();
    for (String url : urls.split(",")) {
      if (url.isBlank()) continue;
      hosts.add(host(url.strip()));
    }
    if (hosts.isEmpty()) throw new IllegalArgumentException("engine URL is empty");
    SSLContext ssl = caFile == null ? null : trusting(caFile);
    ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts.toArray(HttpHost[]::new));
    builder.setHttpClientConfigCallback(http -> {
      if (user != null) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        for (HttpHost h : hosts) {
          credentials.setCredentials(new AuthScope(h), new UsernamePasswordCredentials(user,
              password == null ? new char[0] : password.toCharArray()));
        }
        http.setDefaultCredentialsProvider(credentials);
      }
      PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
          .setMaxConnPerRoute(16).setMaxConnTotal(64);
      if (ssl != null) pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).buildAsync());
      return http.setConnectionManager(pool.build());
    });
    // A bulk request of large articles on a busy cluster takes longer than the client's 30 s default.
    builder.setRequestConfigCallback(request -> request.setResponseTimeout(Timeout.ofMinutes(2)));
    return new Engine(builder.build(), String.join(",", hosts.stream().map(HttpHost::toURI).toList()));
  }

  /** From the environment: {@link #ENV_USER} and {@link #ENV_PASSWORD} for basic auth, when set. */
  public static Engine connect(String urls, Path caFile) {
    String user = System.getenv(ENV_USER);
    return connect(urls, user == null || user.isEmpty() ? null : user, System.getenv(ENV_PASSWORD), caFile);
  }

  public OpenSearchClient client() {
    return client;
  }

  /**
   * One request through the client's generic API, for what its typed API does not model (a plugin's processor,
   * aggregations read as a tree): the body written and the answer read by Jackson.
   *
   * @param body any value Jackson writes, or null for none
   * @throws EngineException for an answer with an error status, with the cluster's reason
   */
  public JsonNode call(String method, String endpoint, Object body) throws IOException {
    return call(method, endpoint, body == null ? null : Body.from(JSON.writeValueAsBytes(body), "application/json"));
  }

  /** {@link #call(String, String, Object)} with a body of newline-delimited JSON (bulk). */
  public JsonNode callNdjson(String endpoint, byte[] ndjson) throws IOException {
    return call("POST", endpoint, Body.from(ndjson, "application/x-ndjson"));
  }

  private JsonNode call(String method, String endpoint, Body body) throws IOException {
    Request request = Requests.create(method, endpoint, List.of(), Map.of(), body);
    try (Response response = client.generic().execute(request)) {
      JsonNode answer = response.getBody().isPresent() ? body(response.getBody().get().bodyAsBytes()) : JSON.nullNode();
      if (response.getStatus() >= 300) throw new EngineException(response.getStatus(), method + " " + endpoint, answer);
      return answer;
    }
  }

  /** An answer's JSON, or its text when it is not JSON (a proxy's HTML page, a plain "Unauthorized"). */
  private static JsonNode body(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException notJson) {
      return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8).strip());
    }
  }

  /** The nodes' URLs, without credentials, for messages. */
  @Override
  public String toString() {
    return describe;
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }

  private static HttpHost host(String url) {
    // Before anything repeats the URL: a user part is refused whether or not the URL parses (a password with '@',
    // a space or '%' in it would otherwise be printed in the message of an unparsable URL).
    if (url.matches("(?s)([^/]*//)?[^/?#]*@.*")) {
      throw new IllegalArgumentException("engine URL holds credentials: give them through " + ENV_USER + " and " + ENV_PASSWORD);
    }
    URI uri;
    try {
      uri = URI.create(url.contains("://") ? url : "http://" + url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("engine URL " + url + " is not a URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("engine URL " + url + " is not an http:// or https:// URL of a node");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("engine URL holds credentials: give them through " + ENV_USER + " and " + ENV_PASSWORD);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : 9200;
    return new HttpHost(scheme, uri.getHost(), port);
  }

  private static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca" + i++, c);
      }
      if (i == 0) throw new IllegalArgumentException("CA file " + caFile + " holds no certificate");
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, trust.getTrustManagers(), null);
      return ssl;
    } catch (IOException e) {
      throw new IllegalArgumentException("CA file " + caFile + " cannot be read: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("CA file " + caFile + " is not a certificate: " + e.getMessage());
    }
  }
}
