package org.memberenquiries.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What no linter knows about processes/ and forms/: how they fit each other and the code. Also the
 * checks bpmnlint does not do for DMN and forms (lint/run-lint.sh lints the BPMN files only). Each
 * {@link #check} returns the problems found, one readable line each; none means the contract holds.
 *
 * <ul>
 *   <li>every BPMN, DMN and form declares Camunda Platform 7.24 (what Camunda Modeler lints against);
 *   <li>process, decision and form ids are unique; every DMN parses in Camunda's DMN engine and every
 *       decision has a history time to live;
 *   <li>every {@code camunda:formRef} names a form (with a valid binding), every
 *       {@code camunda-forms:} form key a file, every {@code camunda:decisionRef} a decision, every
 *       {@code calledElement} a process, and every form is used by some BPMN;
 *   <li>every form field key is a process variable: a name the Java code reads or writes (a string
 *       literal, or a constant whose name is used elsewhere) or a name a BPMN/DMN expression reads;
 *   <li>every candidate group is a group the product creates; a {@code ${variable}} is resolved
 *       through {@code groupVariables}, or through the fixed options of the form field that sets it;
 *   <li>every {@code camunda:delegateExpression} names a bean of the right kind (JavaDelegate,
 *       TaskListener or ExecutionListener).
 * </ul>
 */
final class ModelContract {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final String PLATFORM = "Camunda Platform";
  static final String PLATFORM_VERSION = "7.24";

  /** form-js field types that bind a process variable (and so need a key). */
  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
      "checklist", "radio", "select", "taglist", "filepicker", "expression");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.'\"])[A-Za-z_]\\w*");
  private static final Pattern SINGLE_NAME = Pattern.compile("\\$\\{\\s*([A-Za-z_]\\w*)\\s*}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][\\w]*");
  private static final Pattern MAPPING_SOURCE =
      Pattern.compile("<camunda:(?:in|out)\\b[^>]*\\b(?:source|target)=\"(\\w+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A bean: its name and class. */
  record Bean(String name, Class<?> type) {}

  private final Path processes;
  private final Path forms;
  private final Path javaSources;
  private final Set<String> createdGroups;
  private final Map<String, Set<String>> groupVariables;
  private final Map<String, Class<?>> beans;

  final List<String> problems = new ArrayList<>();
  /** How much was checked, so a test can see it did not pass on nothing. */
  final Map<String, Integer> counts = new HashMap<>();

  /**
   * @param createdGroups every group the product creates
   * @param groupVariables for a candidate group expression {@code ${name}} set by the code, the
   *     groups it can hold
   * @param beans the application's bean names and classes
   */
  ModelContract(Path processes, Path forms, Path javaSources, Set<String> createdGroups,
      Map<String, Set<String>> groupVariables, Collection<Bean> beans) {
    this.processes = processes;
    this.forms = forms;
    this.javaSources = javaSources;
    this.createdGroups = createdGroups;
    this.groupVariables = groupVariables;
    this.beans = new HashMap<>();
    beans.forEach(bean -> this.beans.put(bean.name(), bean.type()));
  }

  List<String> check() throws IOException {
    Map<String, Path> processIds = new HashMap<>();
    Map<String, Path> decisionIds = new HashMap<>();
    Map<String, Path> formIds = new HashMap<>();
    Map<String, JsonNode> formsById = new HashMap<>();
    Set<String> expressionNames = new TreeSet<>();

    List<Path> bpmnFiles = files(processes, ".bpmn");
    Map<Path, BpmnModelInstance> models = new HashMap<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromFile(file.toFile());
      } catch (RuntimeException e) {
        problem(file, null, "is not valid BPMN: " + e.getMessage());
        continue;
      }
      models.put(file, model);
      platform(file, model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatform"),
          model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatformVersion"));
      for (org.camunda.bpm.model.bpmn.instance.Process process :
          model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
        unique("process", process.getId(), file, processIds);
      }
      expressionNames.addAll(namesReadIn(Files.readString(file)));
    }

    for (Path file : files(processes, ".dmn")) {
      DmnModelInstance model;
      try {
        model = Dmn.readModelFromFile(file.toFile());
        try (InputStream in = Files.newInputStream(file)) {
          dmnEngine().parseDecisions(in);
        }
      } catch (RuntimeException e) {
        problem(file, null, "is not a DMN that Camunda 7 accepts: " + e.getMessage());
        continue;
      }
      platform(file, model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatform"),
          model.getDefinitions().getAttributeValueNs(MODELER_NS, "executionPlatformVersion"));
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        unique("decision", decision.getId(), file, decisionIds);
        if (decision.getCamundaHistoryTimeToLiveString() == null) {
          problem(file, decision.getId(), "has no camunda:historyTimeToLive (the engine refuses to deploy it)");
        }
      }
      expressionNames.addAll(namesReadIn(Files.readString(file)));
    }

    for (Path file : files(forms, ".form")) {
      JsonNode form = form(file);
      if (form != null) {
        unique("form", form.path("id").asText(), file, formIds);
        formsById.put(form.path("id").asText(), form);
      }
    }

    Set<String> codeNames = namesInJava();
    Set<String> referencedForms = new LinkedHashSet<>();
    for (var entry : models.entrySet()) {
      references(entry.getKey(), entry.getValue(), processIds, decisionIds, formIds, referencedForms);
      candidateGroups(entry.getKey(), entry.getValue(), formsById);
      delegates(entry.getKey(), entry.getValue());
    }
    for (var form : formIds.entrySet()) {
      if (!referencedForms.contains(form.getKey())) {
        problem(form.getValue(), form.getKey(), "is used by no camunda:formRef or camunda:formKey");
      }
    }
    for (var form : formsById.entrySet()) {
      for (JsonNode field : fields(form.getValue())) {
        String key = field.path("key").asText();
        count("form field keys");
        if (!codeNames.contains(key) && !expressionNames.contains(key)) {
          problem(formIds.get(form.getKey()), field.path("id").asText(key),
              "field key '" + key + "' is no variable the code reads or writes, nor one a BPMN/DMN expression reads");
        }
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------

  private void references(Path file, BpmnModelInstance model, Map<String, Path> processIds,
      Map<String, Path> decisionIds, Map<String, Path> formIds, Set<String> referencedForms) {
    List<BaseElement> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    withForms.addAll(model.getModelElementsByType(StartEvent.class));
    for (BaseElement element : withForms) {
      String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
      String formKey = element.getAttributeValueNs(CAMUNDA_NS, "formKey");
      if (formRef != null) {
        count("form references");
        String binding = element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
        if (binding != null && !Set.of("latest", "deployment", "version").contains(binding)) {
          problem(file, element.getId(), "camunda:formRefBinding '" + binding + "' is not latest, deployment or version");
        }
        if ("version".equals(binding) && element.getAttributeValueNs(CAMUNDA_NS, "formRefVersion") == null) {
          problem(file, element.getId(), "camunda:formRefBinding 'version' needs camunda:formRefVersion");
        }
        if (formKey != null) {
          problem(file, element.getId(), "has both camunda:formRef and camunda:formKey; the engine uses one only");
        }
        if (!isExpression(formRef)) {
          referencedForms.add(formRef);
          if (!formIds.containsKey(formRef)) {
            problem(file, element.getId(), "camunda:formRef '" + formRef + "' names no form in " + forms);
          }
        }
      } else if (formKey != null && formKey.startsWith("camunda-forms:")) {
        count("form references");
        String resource = formKey.replaceFirst("^camunda-forms:(deployment:|app:)?", "");
        if (!isExpression(resource)) {
          Path target = forms.resolve(resource.replaceFirst("^forms/", ""));
          if (!resource.startsWith("forms/") || !Files.isRegularFile(target)) {
            problem(file, element.getId(), "camunda:formKey '" + formKey + "' names no file in " + forms);
          } else {
            formIds.forEach((id, path) -> {
              if (path.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
                referencedForms.add(id);
              }
            });
          }
        }
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String decisionRef = task.getCamundaDecisionRef();
      if (decisionRef != null) {
        count("decision references");
        if (!isExpression(decisionRef) && !decisionIds.containsKey(decisionRef)) {
          problem(file, task.getId(), "camunda:decisionRef '" + decisionRef + "' names no decision in " + processes);
        }
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String called = call.getCalledElement();
      count("called elements");
      if (called == null || (!isExpression(called) && !processIds.containsKey(called))) {
        problem(file, call.getId(), "calledElement '" + called + "' names no process in " + processes);
      }
    }
  }

  private void candidateGroups(Path file, BpmnModelInstance model, Map<String, JsonNode> formsById) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String groups = task.getCamundaCandidateGroups();
      if (groups == null) {
        continue;
      }
      for (String group : groups.split(",")) {
        group = group.strip();
        count("candidate groups");
        Matcher variable = SINGLE_NAME.matcher(group);
        if (variable.matches()) {
          Set<String> values = groupVariables.get(variable.group(1));
          if (values == null) {
            values = fixedOptions(variable.group(1), formsById);
          }
          if (values == null || values.isEmpty()) {
            problem(file, task.getId(), "candidate group " + group + " cannot be resolved: neither set by the code "
                + "(ModelContractTest's group variables) nor chosen from a form field's fixed options");
            continue;
          }
          for (String value : values) {
            if (!createdGroups.contains(value)) {
              problem(file, task.getId(), "candidate group " + group + " may be '" + value + "', a group the product does not create");
            }
          }
        } else if (isExpression(group) || !createdGroups.contains(group)) {
          problem(file, task.getId(), "candidate group '" + group + "' is not a group the product creates");
        }
      }
    }
  }

  /** The values a form field offers for {@code key} (select, radio), if every form offers fixed ones. */
  private static Set<String> fixedOptions(String key, Map<String, JsonNode> formsById) {
    Set<String> values = new TreeSet<>();
    for (JsonNode form : formsById.values()) {
      for (JsonNode field : fields(form)) {
        if (!key.equals(field.path("key").asText())) {
          continue;
        }
        if (!field.path("values").isArray()) {
          return null; // options from a variable or an expression: not known here
        }
        field.path("values").forEach(option -> values.add(option.path("value").asText()));
      }
    }
    return values;
  }

  private void delegates(Path file, BpmnModelInstance model) {
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String expression = element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
      if (expression != null) {
        delegate(file, element.getId(), expression, JavaDelegate.class);
      }
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      if (listener.getCamundaDelegateExpression() != null) {
        delegate(file, ownerId(listener), listener.getCamundaDelegateExpression(), TaskListener.class);
      }
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      if (listener.getCamundaDelegateExpression() != null) {
        delegate(file, ownerId(listener), listener.getCamundaDelegateExpression(), ExecutionListener.class);
      }
    }
  }

  private void delegate(Path file, String elementId, String expression, Class<?> kind) {
    count("delegate expressions");
    Matcher name = SINGLE_NAME.matcher(expression);
    if (!name.matches()) {
      problem(file, elementId, "delegate expression " + expression + " is not ${beanName}");
      return;
    }
    Class<?> type = beans.get(name.group(1));
    if (type == null) {
      problem(file, elementId, "delegate expression " + expression + " names no Spring bean");
    } else if (!kind.isAssignableFrom(type)) {
      problem(file, elementId, "delegate expression " + expression + " names " + type.getSimpleName()
          + ", which is not a " + kind.getSimpleName());
    }
  }

  private static String ownerId(ModelElementInstance element) {
    for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof BaseElement base && base.getId() != null) {
        return base.getId();
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------

  private JsonNode form(Path file) throws IOException {
    JsonNode form;
    try {
      form = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      problem(file, null, "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
    if (form == null || !form.isObject()) {
      problem(file, null, "is not a Camunda Form (not a JSON object)");
      return null;
    }
    count("form files");
    platform(file, text(form, "executionPlatform"), text(form, "executionPlatformVersion"));
    if (text(form, "id") == null || text(form, "id").isBlank()) {
      problem(file, null, "has no \"id\" (camunda:formRef refers to it)");
      return null;
    }
    if (!"default".equals(text(form, "type"))) {
      problem(file, text(form, "id"), "\"type\" must be \"default\"");
    }
    if (!form.path("components").isArray() || form.path("components").isEmpty()) {
      problem(file, text(form, "id"), "has no components");
      return form;
    }
    Set<String> componentIds = new java.util.HashSet<>();
    form.findParents("type").forEach(component -> {
      if (component == form || !component.path("type").isTextual()) {
        return;
      }
      String id = text(component, "id");
      if (id != null && !componentIds.add(id)) {
        problem(file, id, "component id is used twice");
      }
      if (INPUT_TYPES.contains(component.path("type").asText())) {
        String key = text(component, "key");
        if (key == null || !VARIABLE_NAME.matcher(key).matches()) {
          problem(file, id, component.path("type").asText() + " field needs a key that is a variable name, has '" + key + "'");
        }
      }
    });
    return form;
  }

  /** The input fields of a form (the components that bind a variable) that have a key. */
  private static List<JsonNode> fields(JsonNode form) {
    return form.findParents("type").stream()
        .filter(c -> c != form && INPUT_TYPES.contains(c.path("type").asText()) && c.path("key").isTextual())
        .filter(c -> VARIABLE_NAME.matcher(c.path("key").asText()).matches())
        .toList();
  }

  private void platform(Path file, String platform, String version) {
    if (!PLATFORM.equals(platform) || version == null
        || !(version.equals(PLATFORM_VERSION) || version.startsWith(PLATFORM_VERSION + "."))) {
      problem(file, null, "declares execution platform '" + platform + " " + version + "', not " + PLATFORM + " "
          + PLATFORM_VERSION + " (choose it in Camunda Modeler so it lints against the engine this product runs)");
    }
  }

  private void unique(String kind, String id, Path file, Map<String, Path> seen) {
    count(kind + " ids");
    Path other = seen.putIfAbsent(id, file);
    if (other != null) {
      problem(file, id, kind + " id is also used by " + other.getFileName());
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Names read by expressions and variable mappings in a BPMN or DMN file. */
  static Set<String> namesReadIn(String file) {
    String xml = file.replace("&quot;", "\"").replace("&apos;", "'");
    Set<String> names = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(xml);
    while (expression.find()) {
      Matcher name = IDENTIFIER.matcher(expression.group(1));
      while (name.find()) {
        names.add(name.group());
      }
    }
    Matcher mapping = MAPPING_SOURCE.matcher(xml);
    while (mapping.find()) {
      names.add(mapping.group(1));
    }
    // DMN input expressions are plain text (JUEL or FEEL) without ${...}
    Matcher input = Pattern.compile("<(?:\\w+:)?text>([^<]*)</(?:\\w+:)?text>").matcher(xml);
    while (input.find()) {
      Matcher name = IDENTIFIER.matcher(input.group(1));
      while (name.find()) {
        names.add(name.group());
      }
    }
    return names;
  }

  /**
   * Variable names the Java code reads or writes: each string literal used outside a constant
   * declaration, and the value of each {@code static final String} constant whose name is used
   * elsewhere (comments left out).
   */
  Set<String> namesInJava() throws IOException {
    Pattern constant = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
    Pattern literal = Pattern.compile("\"([A-Za-z_]\\w*)\"");
    Map<String, Set<String>> constants = new HashMap<>();
    StringBuilder code = new StringBuilder();
    Set<String> names = new TreeSet<>();
    for (Path file : files(javaSources, ".java")) {
      String source = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
      Matcher declaration = constant.matcher(source);
      while (declaration.find()) {
        constants.computeIfAbsent(declaration.group(1), k -> new TreeSet<>()).add(declaration.group(2));
      }
      String withoutDeclarations = constant.matcher(source).replaceAll("");
      Matcher used = literal.matcher(withoutDeclarations);
      while (used.find()) {
        names.add(used.group(1));
      }
      code.append(withoutDeclarations).append('\n');
    }
    Set<String> tokens = new TreeSet<>();
    Matcher token = Pattern.compile("\\w+").matcher(code);
    while (token.find()) {
      tokens.add(token.group());
    }
    constants.forEach((name, values) -> {
      if (tokens.contains(name)) {
        names.addAll(values);
      }
    });
    count("names in the code", names.size());
    return names;
  }

  // ---------------------------------------------------------------------------------------------

  private static DmnEngine dmnEngine;

  private static synchronized DmnEngine dmnEngine() {
    if (dmnEngine == null) {
      dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }
    return dmnEngine;
  }

  private static List<Path> files(Path dir, String extension) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(extension) && Files.isRegularFile(p)).sorted().toList();
    }
  }

  private static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isTextual() ? node.path(field).asText() : null;
  }

  private void count(String what) {
    count(what, 1);
  }

  private void count(String what, int n) {
    counts.merge(what, n, Integer::sum);
  }

  private void problem(Path file, String elementId, String message) {
    problems.add(file.getFileName() + (elementId != null && !elementId.isEmpty() ? " " + elementId : "") + ": " + message);
  }
}
