package kz.shagym.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every BPMN file the engine deploys carries its own drawing (BPMN DI), so that Camunda Modeler opens it and the case
 * page draws it: each element of each process has a shape, or for a sequence flow an edge, on the plane of the
 * process or sub-process that holds it; shapes do not overlap (a boundary event sits on its host's edge), and no flow
 * runs through a shape it does not connect.
 */
class BpmnDiagramTest {

    private static final String MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

    static Stream<Path> models() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).isNotEmpty();
        return models.stream();
    }

    record Box(double x, double y, double width, double height) {
        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        boolean onBorder(double px, double py) {
            boolean withinX = px >= x - 1 && px <= x + width + 1;
            boolean withinY = py >= y - 1 && py <= y + height + 1;
            return (withinX && (Math.abs(py - y) <= 1 || Math.abs(py - y - height) <= 1))
                    || (withinY && (Math.abs(px - x) <= 1 || Math.abs(px - x - width) <= 1));
        }

        /** Whether the straight piece from a to b passes through the inside of this box (touching its edge does not). */
        boolean crossedBy(double ax, double ay, double bx, double by) {
            double x1 = Math.min(ax, bx);
            double x2 = Math.max(ax, bx);
            double y1 = Math.min(ay, by);
            double y2 = Math.max(ay, by);
            return x1 < x + width - 1 && x2 > x + 1 && y1 < y + height - 1 && y2 > y + 1;
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementIsDrawnOnThePlaneOfItsProcessOrSubProcess(Path model) throws Exception {
        Document doc = parse(model);
        Map<String, Element> planes = new HashMap<>();
        Map<String, String> planeOf = new HashMap<>();
        for (Element plane : elements(doc.getElementsByTagNameNS(BPMNDI, "BPMNPlane"))) {
            planes.put(plane.getAttribute("bpmnElement"), plane);
            for (Element di : children(plane)) {
                planeOf.put(di.getAttribute("bpmnElement") + "/" + di.getLocalName(), plane.getAttribute("bpmnElement"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Element process : elements(doc.getElementsByTagNameNS(MODEL, "process"))) {
            assertThat(planes).as("%s: a plane for process %s", model, process.getAttribute("id"))
                    .containsKey(process.getAttribute("id"));
            for (Element element : flowElements(process)) {
                String kind = element.getLocalName().equals("sequenceFlow") ? "BPMNEdge" : "BPMNShape";
                String container = drawingContainer(element, planes);
                String drawnOn = planeOf.get(element.getAttribute("id") + "/" + kind);
                if (!container.equals(drawnOn)) {
                    missing.add(element.getAttribute("id") + " (" + kind + " on the plane of " + container + ", found: " + drawnOn + ")");
                }
            }
        }
        assertThat(missing).as("%s: elements without their shape or edge", model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noShapeOverlapsAnotherAndNoFlowRunsThroughAShape(Path model) throws Exception {
        Document doc = parse(model);
        Map<String, Element> semantic = new HashMap<>();
        for (Element e : elements(doc.getElementsByTagNameNS(MODEL, "*"))) {
            if (!e.getAttribute("id").isEmpty()) {
                semantic.put(e.getAttribute("id"), e);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Element plane : elements(doc.getElementsByTagNameNS(BPMNDI, "BPMNPlane"))) {
            Map<String, Box> shapes = new HashMap<>();
            for (Element shape : children(plane)) {
                if (shape.getLocalName().equals("BPMNShape")) {
                    shapes.put(shape.getAttribute("bpmnElement"), bounds(shape));
                }
            }
            List<String> ids = new ArrayList<>(shapes.keySet());
            ids.sort(null);
            for (int i = 0; i < ids.size(); i++) {
                String a = ids.get(i);
                String hostOfA = semantic.get(a).getAttribute("attachedToRef");
                if (!hostOfA.isEmpty()) {
                    Box event = shapes.get(a);
                    if (!shapes.get(hostOfA).onBorder(event.x() + event.width() / 2, event.y() + event.height() / 2)) {
                        problems.add(a + " is not on the edge of " + hostOfA);
                    }
                }
                for (int j = i + 1; j < ids.size(); j++) {
                    String b = ids.get(j);
                    if (hostOfA.equals(b) || semantic.get(b).getAttribute("attachedToRef").equals(a)) {
                        continue;
                    }
                    if (shapes.get(a).overlaps(shapes.get(b))) {
                        problems.add(a + " overlaps " + b);
                    }
                }
            }
            for (Element edge : children(plane)) {
                if (!edge.getLocalName().equals("BPMNEdge")) {
                    continue;
                }
                Element flow = semantic.get(edge.getAttribute("bpmnElement"));
                List<Element> points = elements(edge.getElementsByTagNameNS(DI, "waypoint"));
                if (points.size() < 2) {
                    problems.add(flow.getAttribute("id") + " has fewer than two waypoints");
                    continue;
                }
                for (var shape : shapes.entrySet()) {
                    String id = shape.getKey();
                    if (id.equals(flow.getAttribute("sourceRef")) || id.equals(flow.getAttribute("targetRef"))) {
                        continue;
                    }
                    for (int p = 1; p < points.size(); p++) {
                        if (shape.getValue().crossedBy(coordinate(points.get(p - 1), "x"), coordinate(points.get(p - 1), "y"),
                                coordinate(points.get(p), "x"), coordinate(points.get(p), "y"))) {
                            problems.add(flow.getAttribute("id") + " runs through " + id);
                            break;
                        }
                    }
                }
            }
        }
        assertThat(problems).as("%s", model).isEmpty();
    }

    /**
     * The process or sub-process on whose plane an element is drawn: its own container, or, for one inside an
     * expanded sub-process (which has no plane of its own), the nearest enclosing one that has a plane.
     */
    private static String drawingContainer(Element element, Map<String, Element> planes) {
        Node parent = element.getParentNode();
        while (parent instanceof Element container && !planes.containsKey(container.getAttribute("id"))) {
            parent = container.getParentNode();
        }
        return ((Element) parent).getAttribute("id");
    }

    /** The flow elements of a process, and of its sub-processes at any depth: every child with an id. */
    private static List<Element> flowElements(Element container) {
        List<Element> found = new ArrayList<>();
        for (Element child : children(container)) {
            if (MODEL.equals(child.getNamespaceURI()) && !child.getAttribute("id").isEmpty()) {
                found.add(child);
                if (child.getLocalName().equals("subProcess")) {
                    found.addAll(flowElements(child));
                }
            }
        }
        return found;
    }

    private static Box bounds(Element shape) {
        Element b = (Element) shape.getElementsByTagNameNS(DC, "Bounds").item(0);
        return new Box(coordinate(b, "x"), coordinate(b, "y"), coordinate(b, "width"), coordinate(b, "height"));
    }

    private static double coordinate(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    private static Document parse(Path model) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(model.toFile());
    }

    private static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> elements(NodeList list) {
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }
}
