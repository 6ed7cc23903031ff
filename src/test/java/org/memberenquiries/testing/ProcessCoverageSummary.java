package org.memberenquiries.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Sums up camunda-process-test-coverage's per-test-class reports into one figure per process: the
 * flow nodes and sequence flows the whole engine suite walked, and which it did not. Run by Maven in
 * {@code verify}; the library itself reports per test class only.
 */
public final class ProcessCoverageSummary {

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args.length > 0 ? args[0] : "target/process-test-coverage");
    if (!Files.isDirectory(reports)) {
      System.out.println("process coverage: no reports in " + reports + " (no engine test ran)");
      return;
    }
    Map<String, String> models = new TreeMap<>();
    Map<String, Set<String>> covered = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(reports)) {
      files = walk.filter(p -> p.getFileName().toString().equals("report.json")).toList();
    }
    for (Path file : files) {
      JsonNode report = json.readTree(file.toFile());
      report.path("models").forEach(m -> models.put(m.path("key").asText(), m.path("xml").asText()));
      for (JsonNode suite : report.path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            covered.computeIfAbsent(event.path("modelKey").asText(), k -> new TreeSet<>())
                .add(event.path("definitionKey").asText());
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    // Measured against the model in processes/ (the one that ships), not whichever version a report
    // last saw: a test that runs an older version (enquiry.VersionFourEnquiriesTest) does not change it.
    for (Map.Entry<String, String> model : models.entrySet()) {
      Path source = Path.of("processes", model.getKey() + ".bpmn");
      String xml = Files.exists(source) ? Files.readString(source) : model.getValue();
      lines.addAll(summarise(model.getKey(), xml, covered.getOrDefault(model.getKey(), Set.of())));
    }
    lines.forEach(System.out::println);
    Files.write(reports.resolve("summary.txt"), lines, StandardCharsets.UTF_8);
  }

  private static List<String> summarise(String key, String xml, Set<String> covered) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Set<String> nodes = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(n -> nodes.add(n.getId()));
    Set<String> flows = new TreeSet<>();
    model.getModelElementsByType(SequenceFlow.class).forEach(f -> flows.add(f.getId()));
    Set<String> missedNodes = new TreeSet<>(nodes);
    missedNodes.removeAll(covered);
    Set<String> missedFlows = new TreeSet<>(flows);
    missedFlows.removeAll(covered);
    List<String> lines = new ArrayList<>();
    lines.add(String.format("process coverage: %s: flow nodes %d/%d (%s), sequence flows %d/%d (%s)",
        key, nodes.size() - missedNodes.size(), nodes.size(), percent(nodes.size() - missedNodes.size(), nodes.size()),
        flows.size() - missedFlows.size(), flows.size(), percent(flows.size() - missedFlows.size(), flows.size())));
    if (!missedNodes.isEmpty() || !missedFlows.isEmpty()) {
      lines.add("process coverage: " + key + ": not walked: " + missedNodes + " " + missedFlows);
    }
    return lines;
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "n/a" : String.format("%.1f%%", 100.0 * part / whole);
  }
}
