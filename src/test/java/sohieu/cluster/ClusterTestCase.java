package sohieu.cluster;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.opensearch.common.settings.Settings;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.transport.Netty4ModulePlugin;
import sohieu.cluster.plugin.SohieuPlugin;

/**
 * A real cluster of three data nodes in this JVM (OpenSearch's InternalTestCluster: nodes that talk over TCP),
 * every node with Sohieu's plugin and HTTP on Netty as in production, so that {@link Engine} talks to it as it would
 * to any cluster. Subclasses say {@code @ClusterScope(numDataNodes = 3, supportsDedicatedMasters = false,
 * numClientNodes = 0)} so that the framework adds no other nodes.
 */
public abstract class ClusterTestCase extends OpenSearchIntegTestCase {
  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(SohieuPlugin.class, Netty4ModulePlugin.class);
  }

  @Override
  protected boolean addMockHttpTransport() {
    return false;
  }

  @Override
  protected Settings nodeSettings(int nodeOrdinal) {
    return Settings.builder().put(super.nodeSettings(nodeOrdinal)).put("http.type", "netty4").build();
  }

  /** The engine URL of the cluster's HTTP nodes, comma-separated, as a user would give it. */
  protected String engineUrl() {
    InetSocketAddress[] nodes = internalCluster().httpAddresses();
    return java.util.Arrays.stream(nodes)
        .map(a -> "http://" + a.getHostString() + ":" + a.getPort()).collect(Collectors.joining(","));
  }

  protected Engine engine() {
    return Engine.connect(engineUrl(), null, null, null);
  }
}
