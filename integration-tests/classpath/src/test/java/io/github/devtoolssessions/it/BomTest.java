package io.github.devtoolssessions.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM names every published artifact of the build, at the build's version, and no other. */
class BomTest {

  private static final Path ROOT = Path.of(System.getProperty("project.root"));

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static String child(Element e, String name) {
    NodeList nodes = e.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }

  @Test
  void theBomListsEveryPublishedModuleAtTheProjectVersion() throws Exception {
    List<String> published = new ArrayList<>();
    NodeList modules = parse(ROOT.resolve("pom.xml")).getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().strip();
      if (!module.equals("bom")
          && !module.equals("integration-tests")
          && !module.equals("benchmarks")) {
        published.add("devtools-sessions-" + module);
      }
    }
    Document bom = parse(ROOT.resolve("bom/pom.xml"));
    Element project = bom.getDocumentElement();
    assertThat(project.getElementsByTagName("parent").getLength()).isZero();
    assertThat(child(project, "version")).isEqualTo(System.getProperty("project.version"));
    List<String> listed = new ArrayList<>();
    NodeList deps = project.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      assertThat(child(dep, "groupId")).isEqualTo("io.github.devtoolssessions");
      assertThat(child(dep, "version")).isEqualTo("${project.version}");
      listed.add(child(dep, "artifactId"));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(published.stream().distinct().toList());
  }
}
