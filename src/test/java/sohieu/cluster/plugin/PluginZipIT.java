package sohieu.cluster.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.Version;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.plugins.PluginsService;

/**
 * The plugin's zip as {@code bin/opensearch-plugin install} and a starting node read it: its descriptor names a plugin
 * this OpenSearch accepts, its jars pass the jar-hell check against the server's class path, it ships no jar the server
 * has, and its analyzers run in a class loader that sees only the zip's jars over the server's.
 */
class PluginZipIT {
  private static final java.util.regex.Pattern SHARED_WITH_SERVER = java.util.regex.Pattern.compile(
      "(lucene-(core|analysis-common|highlighter|memory|queries|queryparser|sandbox)|log4j-api|jakarta\\.annotation-api)-[0-9].*\\.jar");

  @TempDir Path temp;

  @Test
  void zipInstallsAndLoadsBesideTheServer() throws Exception {
    Path zip = zip();
    assumeTrue(zip != null, "no target/sohieu-opensearch-*.zip: run mvn package (scripts/test runs this after it)");
    Path plugins = Files.createDirectories(temp.resolve("plugins"));
    Path modules = Files.createDirectories(temp.resolve("modules"));
    Path dir = unzip(zip, plugins.resolve("sohieu"));

    PluginInfo info = PluginInfo.readFromProperties(dir);
    assertEquals("sohieu", info.getName());
    assertEquals(SohieuPlugin.class.getName(), info.getClassname());
    PluginsService.verifyCompatibility(info);
    assertTrue(PluginsService.isPluginVersionCompatible(info, Version.CURRENT));

    Set<URL> server = serverClasspath();
    PluginsService.checkJarHellForPlugin(server, info, dir, plugins, modules);

    List<String> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().forEach(jars::add);
    }
    for (URL u : server) {
      String name = Path.of(u.toURI()).getFileName().toString();
      assertFalse(jars.contains(name), "the server already has " + name);
    }
    for (String needed : List.of("icu4j-", "lucene-analysis-icu-", "lucene-analysis-morfologik-", "lucene-analysis-stempel-",
        "morfologik-polish-", "sohieu-")) {
      assertTrue(jars.stream().anyMatch(j -> j.startsWith(needed)), needed + " in " + jars);
    }
    for (String forbidden : List.of("lucene-core-", "lucene-analysis-common-", "jackson-", "log4j-", "opensearch-")) {
      assertFalse(jars.stream().anyMatch(j -> j.startsWith(forbidden)), forbidden + " in " + jars);
    }

    // The Polish analyzer needs ICU (normalization), morfologik and stempel from the zip and Lucene from the server.
    List<URL> pluginUrls = new ArrayList<>();
    for (String j : jars) pluginUrls.add(dir.resolve(j).toUri().toURL());
    try (URLClassLoader serverLoader = new URLClassLoader(server.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
         URLClassLoader pluginLoader = new URLClassLoader(pluginUrls.toArray(URL[]::new), serverLoader)) {
      Class<?> plugin = pluginLoader.loadClass(info.getClassname());
      assertEquals(pluginLoader, plugin.getClassLoader());
      Class<?> analyzers = pluginLoader.loadClass("sohieu.analysis.LanguageAnalyzers");
      Object polish = analyzers.getMethod("forLanguage", String.class).invoke(null, "pl");
      assertEquals(serverLoader, polish.getClass().getSuperclass().getClassLoader(), "Lucene's Analyzer is the server's");
      assertEquals(List.of("uchwała", "57-NQ/TW", "biuro", "polityczny"),
          terms(pluginLoader, polish, "Uchwały 57-NQ/TW Biura Politycznego"));
    }
  }

  /** The terms of a text, through the analyzer's own class loader (reflection: its Lucene is not the test's). */
  private static List<String> terms(ClassLoader loader, Object analyzer, String text) throws Exception {
    Class<?> analyzerClass = loader.loadClass("org.apache.lucene.analysis.Analyzer");
    Object stream = analyzerClass.getMethod("tokenStream", String.class, String.class).invoke(analyzer, "text", text);
    Class<?> tokenStream = loader.loadClass("org.apache.lucene.analysis.TokenStream");
    Class<?> termClass = loader.loadClass("org.apache.lucene.analysis.tokenattributes.CharTermAttribute");
    Object term = tokenStream.getMethod("addAttribute", Class.class).invoke(stream, termClass);
    tokenStream.getMethod("reset").invoke(stream);
    List<String> out = new ArrayList<>();
    while ((Boolean) tokenStream.getMethod("incrementToken").invoke(stream)) out.add(term.toString());
    tokenStream.getMethod("end").invoke(stream);
    tokenStream.getMethod("close").invoke(stream);
    return out;
  }

  private static Path zip() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("sohieu-opensearch-.*\\.zip")).findFirst().orElse(null);
    }
  }

  /**
   * The server's class path: its provided dependencies as Maven lists them (target/opensearch-server.classpath), and
   * the jars of the server this project also uses at compile scope, which Maven therefore leaves out of that list.
   */
  private static Set<URL> serverClasspath() throws Exception {
    Set<URL> out = new LinkedHashSet<>();
    for (String entry : Files.readString(Path.of("target/opensearch-server.classpath")).strip().split(java.io.File.pathSeparator)) {
      out.add(Path.of(entry).toUri().toURL());
    }
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (SHARED_WITH_SERVER.matcher(Path.of(entry).getFileName().toString()).matches()) out.add(Path.of(entry).toUri().toURL());
    }
    assertTrue(out.stream().anyMatch(u -> u.getPath().contains("/opensearch-3")), "the server jar: " + out);
    return out;
  }

  private static Path unzip(Path zip, Path into) throws IOException {
    Files.createDirectories(into);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path out = into.resolve(e.getName()).normalize();
        assertTrue(out.startsWith(into), e.getName());
        assertFalse(e.getName().contains("/"), "files at the zip's top level, as opensearch-plugin expects: " + e.getName());
        if (e.isDirectory()) continue;
        Files.copy(in, out);
      }
    }
    return into;
  }
}
