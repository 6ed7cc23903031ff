package org.memberenquiries.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberenquiries.department.DepartmentProperties;
import org.memberenquiries.department.Departments;
import org.memberenquiries.casedata.EnquiryVariables;
import org.memberenquiries.model.ModelContract.Bean;
import org.memberenquiries.security.Groups;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;

/**
 * The models in processes/ and forms/ against each other and the code (see {@link ModelContract}):
 * form references, decision references and called processes exist, form field keys are variables
 * the code or the models use, candidate groups are groups the product creates (security.Groups and
 * one officers' and managers' group per configured department), delegate expressions name beans.
 * No Spring context: beans are found by scanning the classpath the way Spring does.
 */
@DisplayName("Model contract: processes/ and forms/ against the code")
class ModelContractTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path JAVA = Path.of("src/main/java");

  static Set<String> createdGroups;
  static Map<String, Set<String>> groupVariables;
  static List<Bean> beans;

  @BeforeAll
  static void readTheProduct() throws Exception {
    List<String> departments = configuredDepartments();
    createdGroups = new HashSet<>();
    Groups.FIXED.forEach(group -> createdGroups.add(group.get(0)));
    Set<String> officerGroups = new HashSet<>();
    Set<String> managerGroups = new HashSet<>();
    for (String department : departments) {
      officerGroups.add(Departments.officerGroup(department));
      managerGroups.add(Departments.managerGroup(department));
    }
    createdGroups.addAll(officerGroups);
    createdGroups.addAll(managerGroups);
    // Set by enquiry.WorkOutDeadlines from the enquiry's department.
    groupVariables = Map.of(EnquiryVariables.OFFICER_GROUP, officerGroups, EnquiryVariables.MANAGER_GROUP, managerGroups);
    beans = applicationBeans();
  }

  @Test
  @DisplayName("the product's models keep the contract")
  void theModelsKeepTheContract() throws IOException {
    ModelContract contract = new ModelContract(PROCESSES, FORMS, JAVA, createdGroups, groupVariables, beans);

    assertThat(contract.check()).as("problems").isEmpty();
    // It looked at something: every kind of reference the models have today.
    assertThat(contract.counts).containsKeys("process ids", "decision ids", "form ids", "form references",
        "decision references", "called elements", "candidate groups", "delegate expressions", "form field keys");
    assertThat(contract.counts.get("form ids")).isEqualTo(fileCount(FORMS, ".form"));
    assertThat(beans).extracting(Bean::name).contains("workOutDeadlines", "breachOutcomeRecorded");
  }

  @Test
  @DisplayName("a broken copy of the models fails, naming each broken reference")
  void aBrokenCopyFails(@TempDir Path copy) throws IOException {
    Path processes = copyOf(PROCESSES, copy.resolve("processes"));
    Path forms = copyOf(FORMS, copy.resolve("forms"));
    BpmnModelInstance broken = Bpmn.createExecutableProcess("broken-process")
        .camundaHistoryTimeToLive(180)
        .startEvent("Start")
        .userTask("Triage").camundaFormRef("no-such-form").camundaFormRefBinding("deployment")
            .camundaCandidateGroups("highways-officer")
        .userTask("Decide").camundaFormRef("broken-form").camundaFormRefBinding("sometimes")
            .camundaCandidateGroups("${whoever}")
            .camundaTaskListenerDelegateExpression("complete", "${workOutDeadlines}")
        .businessRuleTask("Scope").camundaDecisionRef("no-such-decision")
        .serviceTask("Work").camundaDelegateExpression("${noSuchBean}")
        .callActivity("Escalate").calledElement("no-such-process")
        .endEvent()
        .done();
    Bpmn.writeModelToFile(processes.resolve("broken.bpmn").toFile(), broken);
    Files.writeString(forms.resolve("broken.form"), """
        {"id": "broken-form", "type": "default", "executionPlatform": "Camunda Platform",
         "executionPlatformVersion": "7.24.0", "components": [
           {"type": "textfield", "id": "Field_a", "key": "subject"},
           {"type": "textarea", "id": "Field_b", "key": "noteNobodyReads"},
           {"type": "checkbox", "id": "Field_a"}]}
        """);
    Files.writeString(forms.resolve("orphan.form"), """
        {"id": "orphan-form", "type": "default", "executionPlatform": "Camunda Platform",
         "executionPlatformVersion": "7.22.0", "components": [{"type": "text", "id": "Field_t", "text": "Hi"}]}
        """);

    List<String> problems = new ModelContract(processes, forms, JAVA, createdGroups, groupVariables, beans).check();

    assertThat(problems).containsExactlyInAnyOrder(
        "broken.bpmn: declares execution platform 'null null', not Camunda Platform 7.24 (choose it in Camunda "
            + "Modeler so it lints against the engine this product runs)",
        "broken.bpmn Triage: camunda:formRef 'no-such-form' names no form in " + forms,
        "broken.bpmn Triage: candidate group 'highways-officer' is not a group the product creates",
        "broken.bpmn Decide: camunda:formRefBinding 'sometimes' is not latest, deployment or version",
        "broken.bpmn Decide: candidate group ${whoever} cannot be resolved: neither set by the code "
            + "(ModelContractTest's group variables) nor chosen from a form field's fixed options",
        "broken.bpmn Decide: delegate expression ${workOutDeadlines} names WorkOutDeadlines, which is not a TaskListener",
        "broken.bpmn Scope: camunda:decisionRef 'no-such-decision' names no decision in " + processes,
        "broken.bpmn Work: delegate expression ${noSuchBean} names no Spring bean",
        "broken.bpmn Escalate: calledElement 'no-such-process' names no process in " + processes,
        "broken.form Field_a: component id is used twice",
        "broken.form Field_a: checkbox field needs a key that is a variable name, has 'null'",
        "broken.form Field_b: field key 'noteNobodyReads' is no variable the code reads or writes, nor one a "
            + "BPMN/DMN expression reads",
        "orphan.form: declares execution platform 'Camunda Platform 7.22.0', not Camunda Platform 7.24 (choose it "
            + "in Camunda Modeler so it lints against the engine this product runs)",
        "orphan.form orphan-form: is used by no camunda:formRef or camunda:formKey");
  }

  @Test
  @DisplayName("a DMN the engine would refuse, a duplicate id and a group a form offers are caught")
  void dmnDuplicatesAndFormOfferedGroups(@TempDir Path copy) throws IOException {
    Path processes = copyOf(PROCESSES, copy.resolve("processes"));
    Path forms = copyOf(FORMS, copy.resolve("forms"));
    for (Path dmn : files(processes, ".dmn")) {
      String xml = Files.readString(dmn);
      Files.writeString(processes.resolve("copy-" + dmn.getFileName()), xml);
      Files.writeString(dmn, xml.replaceAll("camunda:historyTimeToLive=\"[^\"]*\"", ""));
      // A hit policy DMN 1.3 allows and Camunda 7 does not.
      Files.writeString(processes.resolve("priority-" + dmn.getFileName()),
          xml.replaceAll("<decision id=\"", "<decision id=\"priority-").replaceAll(" hitPolicy=\"[^\"]*\"", "")
              .replaceAll("<decisionTable ", "<decisionTable hitPolicy=\"PRIORITY\" "));
    }
    // The referee (R10) is chosen on the Member Support form: offer a group that does not exist.
    Path resolve = forms.resolve("resolve-breach-informally.form");
    Files.writeString(resolve, Files.readString(resolve).replace("\"value\": \"monitoring-officer\"", "\"value\": \"monitoring-officers\""));

    List<String> problems = new ModelContract(processes, forms, JAVA, createdGroups, groupVariables, beans).check();

    assertThat(problems).anyMatch(p -> p.matches(".*\\.dmn \\S+: decision id is also used by .*\\.dmn"));
    assertThat(problems).anyMatch(p -> p.matches("priority-.*\\.dmn: is not a DMN that Camunda 7 accepts: .*PRIORITY.*"));
    assertThat(problems).anyMatch(p -> p.endsWith("has no camunda:historyTimeToLive (the engine refuses to deploy it)"));
    assertThat(problems).anyMatch(p -> p.contains("candidate group ${referee} may be 'monitoring-officers', a group the product does not create"));
  }

  // ---------------------------------------------------------------------------------------------

  private static List<String> configuredDepartments() throws IOException {
    var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
    // The first document is the base configuration (the others are profiles).
    DepartmentProperties properties = new Binder(ConfigurationPropertySources.from(sources.get(0)))
        .bind("enquiries", DepartmentProperties.class).get();
    return properties.departments().stream().map(DepartmentProperties.Department::id).toList();
  }

  /** The application's components and @Bean methods, named as Spring names them. */
  private static List<Bean> applicationBeans() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(true);
    var registry = new SimpleBeanDefinitionRegistry();
    List<Bean> found = new ArrayList<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("org.memberenquiries")) {
      Class<?> type = Class.forName(definition.getBeanClassName());
      found.add(new Bean(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry), type));
      for (Method method : type.getDeclaredMethods()) {
        var bean = method.getAnnotation(org.springframework.context.annotation.Bean.class);
        if (bean != null) {
          String name = bean.name().length > 0 ? bean.name()[0] : method.getName();
          found.add(new Bean(name, method.getReturnType()));
        }
      }
    }
    return found;
  }

  private static Path copyOf(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (Path file : files(from, "")) {
      Path target = to.resolve(from.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }
    return to;
  }

  private static List<Path> files(Path dir, String extension) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(extension)).toList();
    }
  }

  private static int fileCount(Path dir, String extension) throws IOException {
    return files(dir, extension).size();
  }
}
