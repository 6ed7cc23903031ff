package org.memberenquiries.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8 item 1: each diagram in processes/ reads on one screen, as a process owner sees it in
 * Camunda Modeler: no element or waypoint at negative coordinates, no two sequence flows crossing or
 * running over each other, no flow drawn through a box that is neither its source nor its target, and
 * the whole diagram at most {@value #MAX_WIDTH} px wide (about one screen). Checked on the diagram
 * interchange (DI) the renderer draws from.
 */
class DiagramLayoutTest {

  static final int MAX_WIDTH = 2100;

  record Box(String id, double x, double y, double w, double h, boolean container) {}

  record Segment(String flow, double x1, double y1, double x2, double y2) {}

  static Stream<Path> diagrams() throws IOException {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void readsOnOneScreen(Path diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    List<Box> boxes = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      Bounds b = shape.getBounds();
      boxes.add(new Box(shape.getBpmnElement().getId(), b.getX(), b.getY(), b.getWidth(), b.getHeight(),
          shape.getBpmnElement() instanceof SubProcess));
      if (shape.getBpmnLabel() != null) {
        Bounds label = shape.getBpmnLabel().getBounds();
        assertThat(label.getX()).as("%s label x", shape.getBpmnElement().getId()).isNotNegative();
        assertThat(label.getY()).as("%s label y", shape.getBpmnElement().getId()).isNotNegative();
      }
    }
    List<Segment> segments = new ArrayList<>();
    Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
    for (BpmnEdge edge : edges) {
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      for (int i = 1; i < points.size(); i++) {
        segments.add(new Segment(edge.getBpmnElement().getId(), points.get(i - 1).getX(), points.get(i - 1).getY(),
            points.get(i).getX(), points.get(i).getY()));
      }
    }

    for (Box box : boxes) {
      assertThat(box.x()).as("%s x", box.id()).isNotNegative();
      assertThat(box.y()).as("%s y", box.id()).isNotNegative();
    }
    for (Segment s : segments) {
      assertThat(Math.min(s.x1(), s.x2())).as("%s waypoint x", s.flow()).isNotNegative();
      assertThat(Math.min(s.y1(), s.y2())).as("%s waypoint y", s.flow()).isNotNegative();
    }

    List<String> crossings = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      for (int j = i + 1; j < segments.size(); j++) {
        Segment a = segments.get(i);
        Segment b = segments.get(j);
        if (!a.flow().equals(b.flow()) && crosses(a, b)) {
          crossings.add(a.flow() + " x " + b.flow());
        }
      }
    }
    assertThat(crossings).as("crossing or overlapping sequence flows in %s", diagram).isEmpty();

    List<String> throughBoxes = new ArrayList<>();
    for (BpmnEdge edge : edges) {
      BaseElement element = edge.getBpmnElement();
      if (!(element instanceof SequenceFlow flow)) {
        continue;
      }
      for (Segment s : segments) {
        if (!s.flow().equals(flow.getId())) {
          continue;
        }
        for (Box box : boxes) {
          if (!box.container() && !box.id().equals(flow.getSource().getId()) && !box.id().equals(flow.getTarget().getId())
              && !attachedTo(model, flow.getSource().getId(), box.id()) && through(s, box)) {
            throughBoxes.add(flow.getId() + " through " + box.id());
          }
        }
      }
    }
    assertThat(throughBoxes).as("flows drawn through boxes in %s", diagram).isEmpty();

    double left = boxes.stream().mapToDouble(Box::x).min().orElse(0);
    double right = boxes.stream().mapToDouble(b -> b.x() + b.w()).max().orElse(0);
    assertThat(right - left).as("width of %s", diagram).isLessThanOrEqualTo(MAX_WIDTH);
  }

  /** A flow from a boundary event starts on its host's border. */
  private static boolean attachedTo(BpmnModelInstance model, String source, String host) {
    BaseElement event = model.getModelElementById(source);
    return event instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent boundary
        && boundary.getAttachedTo().getId().equals(host);
  }

  /** Axis-parallel segments: crossing in their interiors, or running over each other. */
  static boolean crosses(Segment a, Segment b) {
    boolean aVertical = a.x1() == a.x2();
    boolean bVertical = b.x1() == b.x2();
    if (aVertical == bVertical) {
      boolean sameLine = aVertical ? a.x1() == b.x1() : a.y1() == b.y1();
      if (!sameLine) {
        return false;
      }
      double[] ra = aVertical ? range(a.y1(), a.y2()) : range(a.x1(), a.x2());
      double[] rb = aVertical ? range(b.y1(), b.y2()) : range(b.x1(), b.x2());
      return Math.min(ra[1], rb[1]) - Math.max(ra[0], rb[0]) > 0; // overlap longer than a point
    }
    Segment v = aVertical ? a : b;
    Segment h = aVertical ? b : a;
    double[] vy = range(v.y1(), v.y2());
    double[] hx = range(h.x1(), h.x2());
    return v.x1() > hx[0] && v.x1() < hx[1] && h.y1() > vy[0] && h.y1() < vy[1];
  }

  /** The segment enters the box's interior (2 px in from its border). */
  static boolean through(Segment s, Box box) {
    double x0 = box.x() + 2;
    double x1 = box.x() + box.w() - 2;
    double y0 = box.y() + 2;
    double y1 = box.y() + box.h() - 2;
    double[] xs = range(s.x1(), s.x2());
    double[] ys = range(s.y1(), s.y2());
    return xs[1] > x0 && xs[0] < x1 && ys[1] > y0 && ys[0] < y1;
  }

  private static double[] range(double p, double q) {
    return new double[] {Math.min(p, q), Math.max(p, q)};
  }
}
