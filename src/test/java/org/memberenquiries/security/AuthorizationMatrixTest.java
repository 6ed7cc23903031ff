package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memberenquiries.department.Departments;
import org.memberenquiries.enquiry.CaseAuthorizations;
import org.memberenquiries.escalation.EscalationSummary;
import org.memberenquiries.testing.TestUsers;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what (R3, R11-R13, R16), asserted for every role against every endpoint the application
 * exposes: the Members' API, the Members' pages, the engine REST API and the Camunda webapps. A
 * Member probing another Member's reference gets the same 404 as for an unknown one.
 */
@WebAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  /** Every role, by its demo user; "anonymous" sends no credentials. */
  static final List<String> USERS = List.of("anonymous", "cllr.lovelace", "cllr.babbage", "officer.highways",
      "officer.planning", "manager.highways", "support", "director", "monitoring", "cfo", "chief", "owner", "admin");

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ENQUIRY = """
      {"subject":"Potholes on Mill Lane","text":"How many were repaired this year?","capacity":"COUNTY_COUNCILLOR",
       "ward":"Mill Ward","department":"highways","purpose":"Ward newsletter."}""";
  static final String DOCUMENT_REQUEST = """
      {"documentTitle":"Lighting contract","basis":"COMMITTEE_MEMBER_FOR_SERVICE","confidential":false,
       "purpose":"Committee scrutiny."}""";
  /** R14: an event in the register's Mill Ward (the matrix imports the register first). */
  static final String WARD_EVENT = """
      {"kind":"EVENT","title":"Fair on the green","description":"All day.","startsOn":"2030-06-03","wards":["Mill Ward"]}""";
  static final String WARD_REGISTER = "ward,member\nMill Ward,cllr.lovelace\nCastle Ward,cllr.babbage\n";
  static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
        targetNamespace="test"><process id="probe" isExecutable="true" camunda:historyTimeToLive="P1D">
        <startEvent id="s"/></process></definitions>""";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Departments departments;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired CaseAuthorizations caseAuthorizations;
  @Autowired EscalationSummary escalationSummary;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final Map<String, HttpSession> sessions = new HashMap<>();
  String reference;
  String sharedReference;
  String documentRequest;
  String wardEvent;
  /** R15: an enquiry answered in full (so it has a letter), shared with cllr.babbage; and its letter's id. */
  String letterReference;
  String letterId;

  /** R11 R12: each confidential text is a marker unique to this run, so a route leaks it iff its body holds it. */
  final String run = UUID.randomUUID().toString();
  final Map<String, String> secret = new LinkedHashMap<>();
  /** A highways case (its Member's text, reply and the response) and a confidential need-to-know request. */
  String casePi;
  String caseTask;
  String requestPi;
  String requestTask;

  @BeforeAll
  void enquiryOfLovelace() throws Exception {
    TestUsers.seed(identity, departments);
    if (identity.createUserQuery().userId("cllr.hopper").count() == 0) {
      User hopper = identity.newUser("cllr.hopper");
      hopper.setPassword(TestUsers.PASSWORD);
      identity.saveUser(hopper);
      identity.createMembership("cllr.hopper", Groups.MEMBERS);
    }
    reference = JSON.readTree(api("cllr.lovelace", "POST", "/api/enquiries", ENQUIRY).body()).get("reference").asText();
    sharedReference = JSON.readTree(api("cllr.lovelace", "POST", "/api/enquiries", ENQUIRY).body()).get("reference").asText();
    documentRequest = JSON.readTree(api("cllr.lovelace", "POST", "/api/document-requests", DOCUMENT_REQUEST).body())
        .get("reference").asText();
    for (String name : CONFIDENTIAL) {
      secret.put(name, "secret " + name + " " + run);
    }
    confidentialCase();
    confidentialRequest();
    assertThat(csv("admin", "/api/ward-register", WARD_REGISTER).statusCode()).isEqualTo(200);
    wardEvent = JSON.readTree(api("officer.highways", "POST", "/api/ward-events", WARD_EVENT).body()).get("reference").asText();
    answeredWithALetter();
  }

  /** R11 R15: Lovelace's enquiry answered in full, with its letter, then shared with Babbage. */
  void answeredWithALetter() throws Exception {
    letterReference = submit("highways", "Are the lights fixed?");
    complete(letterReference, "TriageEnquiry", Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    complete(letterReference, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Thank you."));
    complete(letterReference, "RespondToEnquiry", Map.of("responseType", "FULL", "responseText", "They are."));
    assertThat(api("cllr.lovelace", "POST", "/api/enquiries/" + letterReference + "/shares",
        "{\"memberId\":\"cllr.babbage\"}").statusCode()).isEqualTo(200);
    JsonNode letters = JSON.readTree(api("cllr.lovelace", "GET", "/api/enquiries/" + letterReference + "/letters", null).body());
    assertThat(letters).hasSize(1);
    letterId = letters.get(0).get("id").asText();
  }

  /** A highways enquiry with a question answered by the Member and a holding response: all three texts are live. */
  void confidentialCase() throws Exception {
    String ref = submit("highways", secret.get("enquiryText"));
    complete(ref, "TriageEnquiry", Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    complete(ref, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Thank you."));
    complete(ref, "RespondToEnquiry", Map.of("responseType", "CLARIFICATION", "clarificationQuestion", "Which end of the lane?"));
    assertThat(api("cllr.lovelace", "POST", "/api/enquiries/" + ref + "/clarification",
        JSON.writeValueAsString(Map.of("reply", secret.get("clarificationReply")))).statusCode()).isEqualTo(200);
    complete(ref, "RespondToEnquiry", Map.of("responseType", "HOLDING", "responseText", secret.get("responseText"),
        "holdingExplanation", "A survey is booked.", "estimatedFullResponseDate", LocalDate.now().plusDays(40).toString()));
    Task open = tasks.createTaskQuery().processInstanceBusinessKey(ref).singleResult();
    casePi = open.getProcessInstanceId();
    caseTask = open.getId();
  }

  /** R12: a confidential request refused, disputed and advised on: the chief executive's decision is open. */
  void confidentialRequest() throws Exception {
    String request = """
        {"documentTitle":"Care home inspection","basis":"LOCAL_MEMBER","confidential":true,
         "justification":"%s","purpose":"A constituent's complaint."}""".formatted(secret.get("justification"));
    String ref = JSON.readTree(api("cllr.lovelace", "POST", "/api/document-requests", request).body()).get("reference").asText();
    requestPi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).singleResult().getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(requestPi).singleResult().getId(),
        Map.of("decision", "REFUSED", "decisionReasons", "Not needed for the complaint."));
    assertThat(api("cllr.lovelace", "POST", "/api/document-requests/" + ref + "/dispute", "{\"grounds\":\"I need it.\"}")
        .statusCode()).isEqualTo(200);
    tasks.complete(tasks.createTaskQuery().processInstanceId(requestPi).singleResult().getId(),
        Map.of("legalAdvice", secret.get("legalAdvice")));
    requestTask = tasks.createTaskQuery().processInstanceId(requestPi).singleResult().getId();
    assertThat(tasks.createTaskQuery().taskId(requestTask).singleResult().getTaskDefinitionKey()).isEqualTo("DecideDispute");
  }

  String submit(String department, String text) throws Exception {
    String body = JSON.writeValueAsString(Map.of("subject", "Street lights", "text", text, "capacity", "COUNTY_COUNCILLOR",
        "ward", "Mill Ward", "department", department, "purpose", "Ward newsletter."));
    HttpResponse<String> created = api("cllr.lovelace", "POST", "/api/enquiries", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("reference").asText();
  }

  void complete(String reference, String taskKey, Map<String, Object> variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
        .singleResult().getId(), variables);
  }

  /** One row per endpoint: expected status for each user, in the order of {@link #USERS}. */
  Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    row(rows, "GET /api/calendar/deadlines?receivedAt=2026-11-20T10:00:00Z", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /v3/api-docs", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /actuator/health", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // R16 operational metrics: administrators (their monitoring) only.
    row(rows, "GET /actuator/prometheus", 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    // Issue 8 item 3: the working-day calendar moves every open enquiry's deadlines: administrators only.
    // 2199 lies far beyond every enquiry here; the one admin POST adds the day, a working day has nothing to remove (409).
    row(rows, "GET /api/admin/calendar/days", 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    row(rows, "GET /api/admin/calendar/changes", 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    row(rows, "POST /api/admin/calendar/closure-days {\"date\":\"2199-06-03\",\"reason\":\"Matrix\"}",
        401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201);
    row(rows, "POST /api/admin/calendar/bank-holidays {\"date\":\"2199-06-05\",\"reason\":\"Matrix\"}",
        401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201);
    row(rows, "DELETE /api/admin/calendar/closure-days {\"date\":\"2199-06-04\",\"reason\":\"Matrix\"}",
        401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 409);
    row(rows, "GET /swagger-ui/index.html", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "PAGE /login", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /api/enquiries", 401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // R11: the requesting Member and the officers handling it (department, Member Support, admin).
    row(rows, "GET /api/enquiries/{ref}", 401, 200, 404, 200, 404, 200, 200, 404, 404, 404, 404, 404, 200);
    // Issue 8 item 4: the staff search, for those handling enquiries (their department's; Member Support,
    // the monitoring officer and admins every department's); Members and other roles are refused.
    row(rows, "GET /api/enquiries/search?text=Potholes", 401, 403, 403, 200, 200, 200, 200, 403, 200, 403, 403, 403, 200);
    // Issue 9 item 6 (R16): the timeliness report, for departments' managers (their departments' figures),
    // directors, the monitoring officer, Member Support and administrators (every department's); no one else.
    row(rows, "GET /api/reports/timeliness?from=2026-01-01&to=2026-12-31", 401, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403, 200);
    row(rows, "GET /api/reports/timeliness?from=2026-01-01&to=2026-12-31&groupBy=officer&format=csv",
        401, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403, 200);
    row(rows, "GET /api/reports/timeliness?from=2026-01-01&to=2026-12-31&format=csv&table=overdue",
        401, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403, 200);
    row(rows, "GET /api/enquiries/ME-999999", 401, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    // Members submit their own; Member Support and officers log on a Member's behalf (then memberId is required).
    row(rows, "POST /api/enquiries " + ENQUIRY, 401, 201, 201, 400, 400, 403, 400, 403, 403, 403, 403, 403, 403);
    // R9: only the requesting Member replies (nothing is asked yet: 409); others see nothing, or are refused.
    row(rows, "POST /api/enquiries/{ref}/clarification {\"reply\":\"Here you are.\"}",
        401, 409, 404, 403, 404, 403, 403, 404, 404, 404, 404, 404, 403);
    // Issue 10 item 4 (R5, R10): only the requesting Member follows up or says they are not satisfied (the
    // enquiry is not answered yet: 409); others see nothing, or are refused.
    row(rows, "POST /api/enquiries/{ref}/follow-up {\"question\":\"And the other lamp?\"}",
        401, 409, 404, 403, 404, 403, 403, 404, 404, 404, 404, 404, 403);
    row(rows, "POST /api/enquiries/{ref}/not-satisfied {\"reason\":\"No date given.\"}",
        401, 409, 404, 403, 404, 403, 403, 404, 404, 404, 404, 404, 403);
    // R11: only the requesting Member permits sharing.
    row(rows, "POST /api/enquiries/{shared}/shares {\"memberId\":\"cllr.hopper\"}",
        401, 200, 404, 403, 404, 403, 403, 404, 404, 404, 404, 404, 403);
    // R12: only Members ask; the requesting Member and the deciders see a request; only the Member disputes.
    row(rows, "POST /api/document-requests " + DOCUMENT_REQUEST, 401, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "GET /api/document-requests/{doc}", 401, 200, 404, 404, 404, 404, 404, 200, 200, 404, 200, 404, 200);
    row(rows, "POST /api/document-requests/{doc}/dispute {\"grounds\":\"I need it.\"}",
        401, 409, 404, 404, 404, 404, 404, 403, 403, 404, 403, 404, 403);
    // The engine REST API is for staff only, never anonymous; Camunda's authorizations decide the rest.
    row(rows, "GET /engine-rest/task", 401, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /engine-rest/process-definition", 401, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // Only process owners and administrators deploy.
    row(rows, "DEPLOY /engine-rest/deployment/create", 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200);
    // Browser: the Members' pages for Members, the Camunda webapps for staff; anonymous goes to /login.
    row(rows, "PAGE /enquiries", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /enquiries/{ref}", 302, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // Issue 8 item 4: the staff search page, for the same people as its API.
    row(rows, "PAGE /staff/enquiries?text=Potholes", 302, 403, 403, 200, 200, 200, 200, 403, 200, 403, 403, 403, 200);
    row(rows, "PAGE /enquiries/new", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // Form posts, with the session's CSRF token: a Member's submission redirects to the new enquiry.
    row(rows, "FORM /enquiries subject=Bins&text=Missed+collection&capacity=COUNTY_COUNCILLOR&ward=Mill+Ward"
        + "&department=highways&purpose=Newsletter", 302, 302, 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // R9 on the page: only the requesting Member replies (nothing is asked: 409); another Member sees nothing.
    row(rows, "FORM /enquiries/{ref}/reply reply=Here+you+are", 302, 409, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // R11 on the page: only the requesting Member shares.
    row(rows, "FORM /enquiries/{shared}/shares memberId=cllr.hopper", 302, 302, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // R12 on the pages: Members ask; a request is the requesting Member's alone; nothing refused yet to dispute (409).
    row(rows, "PAGE /document-requests", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /document-requests/new", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /document-requests/{doc}", 302, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "FORM /document-requests documentTitle=Bins+contract&basis=LOCAL_MEMBER&purpose=Scrutiny",
        302, 302, 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "FORM /document-requests/{doc}/dispute grounds=I+need+it", 302, 409, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // Email or page only (issue 10): a Member's own choice; the sent-mail list for administrators.
    row(rows, "GET /api/mail-preference", 401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /enquiries/email", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /admin/mail", 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    // R14: officers and managers record and withhold ward events (an empty withholding: 400 where allowed),
    // staff read them, a Member reads their wards' events, administrators keep the ward register.
    row(rows, "GET /api/ward-events", 401, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "GET /api/ward-events/{ward}", 401, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "POST /api/ward-events " + WARD_EVENT, 401, 403, 403, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "POST /api/ward-events/{ward}/withholding {}", 401, 403, 403, 400, 400, 400, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "GET /api/my-wards", 401, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "GET /api/ward-register", 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    row(rows, "CSV /api/ward-register " + WARD_REGISTER, 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    row(rows, "PAGE /wards", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /staff/ward-events", 302, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "PAGE /staff/ward-events/new", 302, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "PAGE /staff/ward-events/{ward}", 302, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "FORM /staff/ward-events kind=EVENT&title=Fair&description=On+the+green&startsOn=2030-06-03&wards=Mill+Ward",
        302, 403, 403, 302, 302, 302, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "FORM /staff/ward-events/{ward}/withholding basis=&reason=", 302, 403, 403, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /admin/wards", 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    row(rows, "FORM /admin/wards ward=Castle+Ward&member=cllr.lovelace", 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 302);
    row(rows, "FORM /admin/wards/import csv=ward%2Cmember%0AMill+Ward%2Ccllr.lovelace%0ACastle+Ward%2Ccllr.babbage",
        302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 302);
    // R11 R15: a letter is for the Member, Members it is shared with, and the case's officers; another
    // enquiry's letter id, an unknown or a malformed one are not found.
    row(rows, "GET /api/enquiries/{letters}/letters", 401, 200, 200, 200, 404, 200, 200, 404, 404, 404, 404, 404, 200);
    row(rows, "GET /api/enquiries/{letters}/letters/{letter}", 401, 200, 200, 200, 404, 200, 200, 404, 404, 404, 404, 404, 200);
    row(rows, "GET /api/enquiries/{ref}/letters/{letter}", 401, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    row(rows, "GET /api/enquiries/{letters}/letters/999999999", 401, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    row(rows, "GET /api/enquiries/ME-999999/letters", 401, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
    row(rows, "PAGE /enquiries/{letters}/letters/{letter}", 302, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /enquiries/{ref}/letters/{letter}", 302, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    row(rows, "PAGE /enquiries/{letters}/letters/not-a-number", 302, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403);
    // Issue 9 items 3, 4 (R11, R16): the timeliness dashboard and its CSV files, and the Cockpit plugin's figures,
    // for the report's readers: departments' managers (their own), directors, the monitoring officer, Member
    // Support, administrators. A bad range is a 400 for them. The plugin's front-end module is for any staff.
    row(rows, "PAGE /staff/timeliness", 302, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403, 200);
    row(rows, "PAGE /staff/timeliness?from=2026-02-30", 302, 403, 403, 403, 403, 400, 400, 400, 400, 403, 403, 403, 400);
    row(rows, "PAGE /staff/timeliness/departments.csv", 302, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403, 200);
    row(rows, "PAGE /staff/timeliness/weekly.csv", 302, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403, 200);
    row(rows, "PAGE /staff/timeliness/overdue.csv", 302, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403, 200);
    row(rows, "PAGE /camunda/api/cockpit/plugin/timeliness/default/figures",
        302, 403, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403, 200);
    row(rows, "PAGE /camunda/api/cockpit/plugin/timeliness/default/figures?to=2026-13-01",
        302, 403, 403, 403, 403, 400, 400, 400, 400, 403, 403, 403, 400);
    row(rows, "PAGE /camunda/api/cockpit/plugin/timeliness/static/app/plugin.js",
        302, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, "PAGE /camunda/app/tasklist/default/", 302, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    // Camunda's own application authorizations: Cockpit for managers and process owners (R16), Admin for admins.
    row(rows, "PAGE /camunda/app/cockpit/default/", 302, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 200, 200);
    row(rows, "PAGE /camunda/app/admin/default/", 302, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200);
    return rows.stream();
  }

  /** R11 R12: the confidential texts: the Member's enquiry, their reply, the response; the justification and the legal advice. */
  static final List<String> CONFIDENTIAL =
      List.of("enquiryText", "clarificationReply", "responseText", "justification", "legalAdvice");
  static final Set<String> CASE = Set.of("enquiryText", "clarificationReply", "responseText");
  static final Set<String> REQUEST = Set.of("justification", "legalAdvice");
  static final Set<String> NOTHING = Set.of();

  /** Every route of the engine API that serves variables; {pi} the case or request, {task} its open task. */
  static final List<String> VARIABLE_ROUTES = List.of(
      "/history/variable-instance?processInstanceIdIn={both}",
      "/history/variable-instance?variableName={name}",
      "/variable-instance?processInstanceIdIn={both}",
      "/variable-instance?variableName={name}",
      "/process-instance/{pi}/variables",
      "/execution/{pi}/localVariables",
      "/history/detail?processInstanceIdIn={both}",
      "/task/{task}/variables",
      "/task/{task}/form-variables");
  /** Asked by name across every case (the side door as first found): one name of each kind. */
  static final List<String> NAMES = List.of("enquiryText", "legalAdvice");

  /**
   * R11, R12: what each role reads through the engine API, by route kind (the case's instance and history;
   * the open task). The case: its department's officers (whose task is open), managers and Member Support,
   * administrators. The request: the deciders (executive director, monitoring officer, chief executive, whose
   * decision is open), administrators. Nobody else, by no route.
   */
  Stream<Arguments> readMatrix() {
    Map<String, List<Set<String>>> readable = new LinkedHashMap<>();
    readable.put("cllr.lovelace", List.of(NOTHING, NOTHING)); // Members use the product's API, never the engine's
    readable.put("officer.highways", List.of(CASE, CASE));
    readable.put("officer.planning", List.of(NOTHING, NOTHING));
    readable.put("manager.highways", List.of(CASE, NOTHING)); // reads the case (Cockpit); the officers' task is theirs
    readable.put("manager.planning", List.of(NOTHING, NOTHING));
    readable.put("support", List.of(CASE, NOTHING));
    readable.put("director", List.of(REQUEST, NOTHING));
    readable.put("monitoring", List.of(REQUEST, NOTHING));
    readable.put("cfo", List.of(NOTHING, NOTHING));
    readable.put("chief", List.of(REQUEST, REQUEST));
    readable.put("owner", List.of(NOTHING, NOTHING));
    readable.put("admin", List.of(union(CASE, REQUEST), union(CASE, REQUEST)));
    List<Arguments> rows = new ArrayList<>();
    for (String prefix : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
      for (String route : VARIABLE_ROUTES) {
        // Issue 11: the history keeps each variable's final value, not every change (engine.CaseHistoryLevel):
        // the details route has no values to serve anyone.
        readable.forEach((user, sets) -> rows.add(Arguments.of(prefix + route, user,
            route.startsWith("/history/detail") ? NOTHING : sets.get(route.startsWith("/task/") ? 1 : 0))));
      }
    }
    return rows.stream();
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }

  @ParameterizedTest(name = "{0} as {1} reads {2}")
  @MethodSource("readMatrix")
  @DisplayName("R11 R12: each confidential variable is readable exactly where the rules allow, by every route")
  void confidentialVariables(String route, String user, Set<String> expected) {
    StringBuilder bodies = new StringBuilder();
    for (String name : route.contains("{name}") ? NAMES : List.of("")) {
      for (String[] target : List.of(new String[] {casePi, caseTask}, new String[] {requestPi, requestTask})) {
        String path = route.replace("{pi}", target[0]).replace("{task}", target[1]).replace("{name}", name)
            .replace("{both}", casePi + "," + requestPi);
        HttpResponse<String> response = route.startsWith("/engine-rest") ? send(user, "GET", path, null) : session(user).get(path);
        assertThat(response.statusCode()).as(path + " as " + user).isLessThan(500);
        bodies.append(response.body());
        if (!route.contains("{pi}") && !route.contains("{task}")) {
          break; // not per case: one request covers both
        }
      }
    }
    Set<String> read = new TreeSet<>();
    secret.forEach((name, text) -> {
      if (bodies.toString().contains(text)) {
        read.add(name);
      }
    });
    Set<String> allowed = new TreeSet<>(expected);
    if (route.contains("{name}")) {
      allowed.retainAll(NAMES);
    }
    assertThat(read).as(route + " as " + user).isEqualTo(allowed);
  }

  @Test
  @DisplayName("R11 R15: the enquiry page links the Member, and a Member it is shared with, to the signed letter")
  void enquiryPageLinksToTheLetter() {
    String link = "href=\"/enquiries/" + letterReference + "/letters/" + letterId + "\"";
    for (String member : List.of("cllr.lovelace", "cllr.babbage")) {
      HttpResponse<String> enquiryPage = page(member, "/enquiries/" + letterReference);
      assertThat(enquiryPage.statusCode()).isEqualTo(200);
      assertThat(enquiryPage.body()).as(member).contains(link).contains("(PDF)");
      HttpResponse<String> letter = page(member, "/enquiries/" + letterReference + "/letters/" + letterId);
      assertThat(letter.headers().firstValue("Content-Disposition").orElse(""))
          .isEqualTo("attachment; filename=\"" + letterReference + "-letter-" + letterId + ".pdf\"");
    }
    // An enquiry without a full response has no letters section.
    assertThat(page("cllr.lovelace", "/enquiries/" + reference).body()).doesNotContain("/letters/");
  }

  @Test
  @DisplayName("R10 R11: a referee judging a breach reads the breach, its deadline and the case summary, not the enquiry")
  void refereeReadsTheBreachOnly() throws Exception {
    String text = "secret referred enquiry " + run;
    String ref = submit("highways", text);
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).singleResult().getId();
    for (Job timer : management.createJobQuery().processInstanceId(pi).timers().list()) {
      management.executeJob(timer.getId()); // R4: the acknowledgement deadline passes
    }
    String escalation = runtime.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(escalation).singleResult().getId(), Map.of(
        "resolutionNotes", "Spoke to the team.", "memberSatisfied", false, "referee", "chief-financial-officer"));
    String decision = tasks.createTaskQuery().processInstanceId(escalation).singleResult().getId();

    HttpResponse<String> form = send("cfo", "GET", "/engine-rest/task/" + decision + "/form-variables", null);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(form.body()).fieldNames()).toIterable()
        .contains("missedDeadline", "missedDeadlineDue", "subject", "memberName", "department", "capacity", "resolutionNotes")
        .doesNotContain("enquiryText", "ward", "purpose", "acknowledgeBy", "memberId");
    for (String path : List.of("/task/" + decision + "/variables", "/history/variable-instance?processInstanceIdIn=" + escalation,
        "/history/variable-instance?processInstanceIdIn=" + pi, "/process-instance/" + pi + "/variables",
        "/history/detail?processInstanceId=" + escalation, "/variable-instance?variableName=enquiryText")) {
      assertThat(send("cfo", "GET", "/engine-rest" + path, null).body()).as(path).doesNotContain(text);
    }
    // Member Support, who handles the case, still reads it.
    assertThat(send("support", "GET", "/engine-rest/process-instance/" + pi + "/variables", null).body()).contains(text);
  }

  @Test
  @DisplayName("R10 R11: an escalation started when the whole case was copied in loses the copies on start-up")
  void earlierEscalationsForgetTheCase() {
    String text = "secret copied enquiry " + run;
    Map<String, Object> copied = new HashMap<>(Map.of("missedDeadline", "RESPONSE", "missedDeadlineDue", new Date(),
        "subject", "Street lights", "memberName", "Cllr Ada Lovelace", "department", "highways",
        "capacity", "COUNTY_COUNCILLOR", "enquiryText", text, "clarificationReply", text, "ward", "Mill Ward"));
    String escalation = runtime.startProcessInstanceByKey(EscalationSummary.PROCESS, "ME-000000", copied).getId();

    escalationSummary.forgetCopiedCaseData();

    assertThat(runtime.getVariables(escalation)).containsKeys("missedDeadline", "missedDeadlineDue", "breachId",
        "subject", "memberName", "department", "capacity").doesNotContainKeys("enquiryText", "clarificationReply", "ward");
  }

  @Test
  @DisplayName("R9 R11: no staff role can forge a Member's reply through the engine API; the Member's own reply is delivered")
  void replyCannotBeForged() throws Exception {
    String ref = submit("highways", "Is the lane being resurfaced?");
    complete(ref, "TriageEnquiry", Map.of("requestKind", "QUESTION", "capacity", "COUNTY_COUNCILLOR"));
    complete(ref, "AcknowledgeEnquiry", Map.of("acknowledgementText", "Thank you."));
    complete(ref, "RespondToEnquiry", Map.of("responseType", "CLARIFICATION", "clarificationQuestion", "Which end?"));
    String forged = """
        {"messageName":"MemberReplied","businessKey":"%s",
         "processVariables":{"clarificationReply":{"value":"Forged reply","type":"String"}}}""".formatted(ref);
    Execution waiting = runtime.createExecutionQuery().processInstanceBusinessKey(ref)
        .messageEventSubscriptionName("MemberReplied").singleResult();
    for (String user : List.of("owner", "admin", "officer.highways", "manager.highways", "support", "director")) {
      HttpResponse<String> correlated = send(user, "POST", "/engine-rest/message", forged);
      assertThat(correlated.statusCode()).as(user + ": " + correlated.body()).isBetween(400, 499);
      HttpResponse<String> triggered = send(user, "POST", "/engine-rest/execution/" + waiting.getId()
          + "/messageSubscriptions/MemberReplied/trigger", "{\"variables\":{\"clarificationReply\":{\"value\":\"Forged reply\"}}}");
      assertThat(triggered.statusCode()).as(user + ": " + triggered.body()).isBetween(400, 499);
    }
    assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(ref).messageEventSubscriptionName("MemberReplied")
        .count()).isEqualTo(1);
    assertThat(api("cllr.lovelace", "GET", "/api/enquiries/" + ref, null).body()).doesNotContain("Forged reply");

    assertThat(api("cllr.lovelace", "POST", "/api/enquiries/" + ref + "/clarification", "{\"reply\":\"The north end.\"}")
        .statusCode()).isEqualTo(200);
    assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(ref).messageEventSubscriptionName("MemberReplied")
        .count()).isZero();
  }

  @Test
  @DisplayName("R11: the process owner and managers cannot act on a case; another department's officer neither")
  void cannotActOnCases() throws Exception {
    String ref = submit("highways", "Who mows the verges?");
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).singleResult().getId();
    String task = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    for (String user : List.of("owner", "manager.highways", "manager.planning", "officer.planning", "cfo")) {
      Map<String, String> attempts = new LinkedHashMap<>();
      attempts.put("POST /task/" + task + "/claim", "{\"userId\":\"" + user + "\"}");
      attempts.put("POST /task/" + task + "/assignee", "{\"userId\":\"" + user + "\"}");
      attempts.put("POST /task/" + task + "/complete", "{\"variables\":{\"requestKind\":{\"value\":\"QUESTION\"},"
          + "\"capacity\":{\"value\":\"COUNTY_COUNCILLOR\"}}}");
      attempts.put("POST /task/" + task + "/identity-links", "{\"groupId\":\"planning-officers\",\"type\":\"candidate\"}");
      attempts.put("PUT /process-instance/" + pi + "/variables/department", "{\"value\":\"planning\",\"type\":\"String\"}");
      attempts.put("PUT /process-instance/" + pi + "/suspended", "{\"suspended\":true}");
      attempts.put("POST /process-instance/" + pi + "/modification",
          "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"AcknowledgeEnquiry\"}]}");
      attempts.put("DELETE /process-instance/" + pi, null);
      for (Map.Entry<String, String> attempt : attempts.entrySet()) {
        String[] call = attempt.getKey().split(" ");
        HttpResponse<String> response = send(user, call[0], "/engine-rest" + call[1], attempt.getValue());
        assertThat(response.statusCode()).as(user + " " + attempt.getKey() + ": " + response.body()).isBetween(400, 499);
      }
    }
    Task untouched = tasks.createTaskQuery().taskId(task).singleResult();
    assertThat(untouched.getAssignee()).isNull();
    assertThat(untouched.isSuspended()).isFalse();
    assertThat(tasks.getIdentityLinksForTask(task)).extracting(IdentityLink::getGroupId).containsOnly("highways-officers");
    assertThat(runtime.getVariable(pi, "department")).isEqualTo("highways");
    // Deleting a deployment (or a definition) with its cases is for administrators only.
    assertThat(authorizations.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNERS), Permissions.DELETE,
        Resources.DEPLOYMENT, "any-deployment")).isFalse();
    assertThat(authorizations.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNERS), Permissions.DELETE,
        Resources.PROCESS_DEFINITION, "member-enquiry")).isFalse();
  }

  @Test
  @DisplayName("R11: member-enquiry never starts with a caller-chosen reference; Tasklist's start (no key) registers the case")
  void startOnlyWithRegisteredReference() throws Exception {
    String variables = """
        "variables":{"memberId":{"value":"cllr.lovelace"},"subject":{"value":"Bins"},"enquiryText":{"value":"Missed."},
         "capacity":{"value":"COUNTY_COUNCILLOR"},"ward":{"value":"Mill Ward"},"department":{"value":"highways"},
         "purpose":{"value":"Newsletter."}}""";
    String definition = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult()
        .getProcessDefinitionId();
    for (String user : List.of("officer.highways", "support", "admin")) {
      for (String key : List.of(reference, "ME-999990")) {
        HttpResponse<String> started = send(user, "POST", "/engine-rest/process-definition/key/member-enquiry/start",
            "{\"businessKey\":\"" + key + "\"," + variables + "}");
        assertThat(started.statusCode()).as(user + " " + key + ": " + started.body()).isEqualTo(400);
        HttpResponse<String> submitted = send(user, "POST", "/engine-rest/process-definition/" + definition + "/submit-form",
            "{\"businessKey\":\"" + key + "\"," + variables + "}");
        assertThat(submitted.statusCode()).as(user + " " + key + ": " + submitted.body()).isEqualTo(400);
      }
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("ME-999990").count()).isZero();
    assertThat(send("owner", "POST", "/engine-rest/process-definition/key/member-enquiry/start", "{" + variables + "}")
        .statusCode()).isEqualTo(403);

    for (String noKey : List.of("", "\"businessKey\":\"\",")) { // Tasklist's start form sends none; a blank one is none
      HttpResponse<String> logged = send("officer.highways", "POST", "/engine-rest/process-definition/" + definition
          + "/submit-form", "{" + noKey + variables + "}");
      assertThat(logged.statusCode()).as(logged.body()).isEqualTo(200);
      String registered = JSON.readTree(logged.body()).get("businessKey").asText();
      assertThat(registered).matches("ME-\\d{6}");
      assertThat(api("cllr.lovelace", "GET", "/api/enquiries/" + registered, null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("R11: another department's task id answers exactly like an unknown one")
  void otherDepartmentsTaskLooksUnknown() {
    String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    String unknown = UUID.randomUUID().toString();
    for (String route : List.of("GET /task/{id}", "GET /task/{id}/variables", "GET /task/{id}/variables/enquiryText",
        "GET /task/{id}/form-variables", "GET /task/{id}/identity-links", "GET /task/{id}/deployed-form",
        "GET /task/{id}/form", "POST /task/{id}/claim", "POST /task/{id}/complete", "POST /task/{id}/unclaim",
        "GET /process-instance/{id}/variables")) {
      String[] call = route.split(" ");
      String body = call[0].equals("POST") ? "{\"userId\":\"officer.planning\"}" : null;
      String id = route.contains("process-instance") ? casePi : task;
      HttpResponse<String> forbidden = send("officer.planning", call[0], "/engine-rest" + call[1].replace("{id}", id), body);
      HttpResponse<String> missing = send("officer.planning", call[0], "/engine-rest" + call[1].replace("{id}", unknown), body);
      assertThat(forbidden.statusCode()).as(route + ": " + forbidden.body() + " / " + missing.body())
          .isEqualTo(missing.statusCode()).isEqualTo(404);
      assertThat(forbidden.body().replace(id, "ID")).as(route).isEqualTo(missing.body().replace(unknown, "ID"));
      if (call[0].equals("GET")) { // and the webapps' twin of the engine API, as Tasklist and Cockpit use it
        String twin = "/camunda/api/engine/engine/default" + call[1];
        HttpResponse<String> forbiddenTwin = session("officer.planning").get(twin.replace("{id}", id));
        HttpResponse<String> missingTwin = session("officer.planning").get(twin.replace("{id}", unknown));
        assertThat(forbiddenTwin.statusCode()).as(twin).isEqualTo(missingTwin.statusCode()).isEqualTo(404);
        assertThat(forbiddenTwin.body().replace(id, "ID")).as(twin).isEqualTo(missingTwin.body().replace(unknown, "ID"));
      }
    }
    // The department's own officer still gets the task.
    assertThat(send("officer.highways", "GET", "/engine-rest/task/" + task, null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("R11: a case started before the per-case grants gets them on start-up")
  void earlierCasesGranted() throws Exception {
    String ref = submit("highways", "Grit bins?");
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).singleResult().getId();
    for (var resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
      authorizations.createAuthorizationQuery().resourceType(resource).resourceId(pi).list()
          .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }
    assertThat(send("manager.highways", "GET", "/engine-rest/process-instance/" + pi + "/variables", null).statusCode())
        .isEqualTo(404);

    caseAuthorizations.grantMissing();

    assertThat(send("manager.highways", "GET", "/engine-rest/process-instance/" + pi + "/variables", null).body())
        .contains("Grit bins?");
    assertThat(send("manager.planning", "GET", "/engine-rest/process-instance/" + pi + "/variables", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("R11 R16: a manager's Cockpit lists their own department's cases only; the process owner's none, with the models")
  void cockpitPerDepartment() throws Exception {
    String planning = submit("planning", "When is the local plan out?");
    for (String list : List.of("/process-instance?processDefinitionKey=member-enquiry",
        "/history/process-instance?processDefinitionKey=member-enquiry")) {
      JsonNode highways = JSON.readTree(session("manager.highways").get("/camunda/api/engine/engine/default" + list).body());
      List<String> keys = new ArrayList<>();
      highways.forEach(instance -> keys.add(instance.get("businessKey").asText()));
      assertThat(keys).as(list).contains(reference).doesNotContain(planning);
      highways.forEach(instance -> assertThat(history.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.get("id").asText()).variableName("department").singleResult().getValue())
          .as(instance.toString()).isEqualTo("highways"));
      JsonNode planners = JSON.readTree(session("manager.planning").get("/camunda/api/engine/engine/default" + list).body());
      List<String> planningKeys = new ArrayList<>();
      planners.forEach(instance -> planningKeys.add(instance.get("businessKey").asText()));
      assertThat(planningKeys).as(list).contains(planning).doesNotContain(reference);
      assertThat(JSON.readTree(session("owner").get("/camunda/api/engine/engine/default" + list).body())).as(list).isEmpty();
    }
    // The process owner keeps the models: definitions, their diagrams, and Cockpit's statistics of them.
    HttpResponse<String> definitions = session("owner").get("/camunda/api/engine/engine/default/process-definition?key=member-enquiry");
    assertThat(definitions.body()).contains("member-enquiry");
    String id = JSON.readTree(definitions.body()).get(0).get("id").asText();
    assertThat(session("owner").get("/camunda/api/engine/engine/default/process-definition/" + id + "/xml").statusCode())
        .isEqualTo(200);
    for (String user : List.of("manager.highways", "owner")) {
      assertThat(session(user).get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
          .statusCode()).as(user).isLessThan(300);
    }
  }

  @Test
  @DisplayName("Issue 9 item 6, R11: a manager's timeliness report covers their department only; no report names a Member or shows what they wrote")
  void timelinessReportScope() throws Exception {
    String planning = submit("planning", "How late is the local plan?");
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    String query = "/api/reports/timeliness?from=" + today.minusDays(7) + "&to=" + today.plusDays(1);
    JsonNode highways = JSON.readTree(api("manager.highways", "GET", query + "&groupBy=department", null).body());
    assertThat(highways.get("everyDepartment").asBoolean()).isFalse();
    assertThat(highways.get("departments").toString()).isEqualTo("[\"highways\"]");
    highways.get("rows").forEach(row -> assertThat(row.get("group").asText()).isEqualTo("highways"));
    highways.get("overdue").forEach(row -> assertThat(row.get("department").asText()).isEqualTo("highways"));
    JsonNode everyone = JSON.readTree(api("director", "GET", query + "&groupBy=department", null).body());
    assertThat(everyone.get("everyDepartment").asBoolean()).isTrue();
    assertThat(everyone.get("rows").toString()).contains("\"group\":\"planning\"").contains("\"group\":\"highways\"");
    for (String user : List.of("manager.highways", "support", "director", "monitoring", "admin")) {
      for (String grouping : List.of("department", "officer", "team", "month")) {
        for (String format : List.of("json", "csv")) {
          String body = api(user, "GET", query + "&groupBy=" + grouping + "&format=" + format, null).body();
          assertThat(body).as(user + " " + grouping + " " + format).doesNotContain("Potholes").doesNotContain("repaired")
              .doesNotContain("local plan").doesNotContain("cllr.").doesNotContain("Lovelace").doesNotContain("Babbage");
        }
      }
      String overdue = api(user, "GET", query + "&format=csv&table=overdue", null).body();
      assertThat(overdue).as(user).doesNotContain("Potholes").doesNotContain("cllr.").doesNotContain("Lovelace");
      if (user.equals("manager.highways")) {
        assertThat(overdue).doesNotContain(planning);
      }
    }
  }

  static void row(List<Arguments> rows, String endpoint, int... expected) {
    assertThat(expected).hasSize(USERS.size());
    for (int i = 0; i < USERS.size(); i++) {
      rows.add(Arguments.of(endpoint, USERS.get(i), expected[i]));
    }
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("matrix")
  @DisplayName("R11 R16: role x endpoint")
  void allowedOrDenied(String endpoint, String user, int expected) throws Exception {
    String resolved = endpoint.replace("{ref}", reference).replace("{shared}", sharedReference)
        .replace("{doc}", documentRequest).replace("{letters}", letterReference).replace("{letter}", letterId)
        .replace("{ward}", wardEvent);
    String[] parts = resolved.split(" ", 3);
    String who = user.equals("anonymous") ? null : user;
    HttpResponse<String> response = switch (parts[0]) {
      case "PAGE" -> page(who, parts[1]);
      case "FORM" -> form(who, parts[1], parts[2]);
      case "DEPLOY" -> deploy(who);
      case "CSV" -> csv(who, parts[1], parts[2]);
      default -> api(who, parts[0], parts[1], parts.length > 2 ? parts[2] : null);
    };
    assertThat(response.statusCode()).as(resolved + " as " + user + ": " + response.body()).isEqualTo(expected);
    if (expected == 200 && resolved.matches(".*/letters/\\d+")) {
      assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
      assertThat(response.body()).startsWith("%PDF-");
    }
    if (expected == 302) {
      String location = response.headers().firstValue("Location").orElse("");
      if (who == null) {
        assertThat(location).endsWith("/login");
      } else {
        // a Member's submitted (or shared) enquiry, or document request; a recorded ward event; the saved register
        assertThat(location).matches(".*/((enquiries/ME|document-requests/DR)-\\d{6}(\\?sent)?"
            + "|staff/ward-events/WE-\\d{6}\\?recorded|admin/wards\\?saved)");
      }
    }
  }

  @Test
  @DisplayName("R11 R16: the timeliness dashboard, its CSV files and the Cockpit plugin show no enquiry text and no Member")
  void timelinessFiguresShowNoCaseText() {
    for (String user : List.of("manager.highways", "support", "director", "monitoring", "admin")) {
      for (String path : List.of("/staff/timeliness", "/staff/timeliness/departments.csv", "/staff/timeliness/weekly.csv",
          "/staff/timeliness/overdue.csv", "/camunda/api/cockpit/plugin/timeliness/default/figures")) {
        HttpResponse<String> response = session(user).get(path);
        assertThat(response.statusCode()).as(path + " as " + user).isEqualTo(200);
        secret.forEach((name, text) -> assertThat(response.body()).as(path + " as " + user + ": " + name).doesNotContain(text));
        assertThat(response.body()).as(path + " as " + user).doesNotContain("cllr.lovelace", "Potholes on Mill Lane");
      }
    }
  }

  @Test
  @DisplayName("An officer of another department cannot claim the task; the department's officer can")
  void claimOnlyInOwnDepartment() throws Exception {
    String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("TriageEnquiry")
        .singleResult().getId();

    // Not theirs to see: answered like an unknown task (R11).
    assertThat(api("officer.planning", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"officer.planning\"}")
        .statusCode()).isEqualTo(404);
    assertThat(api("manager.highways", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"manager.highways\"}")
        .statusCode()).isEqualTo(404);
    assertThat(api("cllr.lovelace", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"cllr.lovelace\"}")
        .statusCode()).isEqualTo(403);
    assertThat(api("officer.highways", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"officer.highways\"}")
        .statusCode()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("officer.highways");
    tasks.setAssignee(task, null);

    JsonNode planningTasks = JSON.readTree(api("officer.planning", "GET", "/engine-rest/task?processInstanceBusinessKey="
        + reference, null).body());
    assertThat(planningTasks).isEmpty();
    JsonNode highwaysTasks = JSON.readTree(api("officer.highways", "GET", "/engine-rest/task?processInstanceBusinessKey="
        + reference, null).body());
    assertThat(highwaysTasks).hasSize(1);
  }

  @Test
  @DisplayName("Camunda grants each role its webapps: officers Tasklist; managers and process owners Cockpit too; admins all")
  void webappsPerRole() throws Exception {
    assertThat(authorizedApps("officer.highways")).contains("tasklist").doesNotContain("cockpit", "admin");
    assertThat(authorizedApps("support")).contains("tasklist").doesNotContain("cockpit", "admin");
    assertThat(authorizedApps("manager.highways")).contains("tasklist", "cockpit").doesNotContain("admin");
    assertThat(authorizedApps("owner")).contains("tasklist", "cockpit").doesNotContain("admin");
    assertThat(authorizedApps("admin")).contains("tasklist", "cockpit", "admin");
  }

  @Test
  @DisplayName("The login form is protected by CSRF, and a wrong password does not log in")
  void loginForm() {
    HttpSession session = new HttpSession(port);
    HttpResponse<String> withoutToken = session.postForm("/login", "username=cllr.babbage&password=demo");
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    // (cllr.hopper: a wrong password makes the identity service delay that user's next login.)
    assertThat(session.login("cllr.hopper", "wrong")).endsWith("/login?error");
    assertThat(new HttpSession(port).login("cllr.babbage", TestUsers.PASSWORD)).endsWith("/");
  }

  List<String> authorizedApps(String user) throws Exception {
    HttpResponse<String> response = session(user).get("/camunda/api/admin/auth/user/default");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> apps = new ArrayList<>();
    JSON.readTree(response.body()).get("authorizedApps").forEach(app -> apps.add(app.asText()));
    return apps;
  }

  HttpSession session(String user) {
    return sessions.computeIfAbsent(user, u -> {
      HttpSession session = new HttpSession(port);
      session.login(u, TestUsers.PASSWORD);
      return session;
    });
  }

  HttpResponse<String> form(String user, String path, String form) {
    HttpSession session = user == null ? new HttpSession(port) : session(user);
    String csrf = session.csrfTokenOf("/login");
    return session.postForm(path, form + "&idempotencyKey=" + java.util.UUID.randomUUID() + "&_csrf="
        + HttpSession.encode(csrf));
  }

  @Test
  @DisplayName("The front door sends Members to their enquiries and staff to Tasklist")
  void home() {
    assertThat(new HttpSession(port).get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(session("cllr.lovelace").get("/").headers().firstValue("Location").orElse("")).endsWith("/enquiries");
    assertThat(session("officer.highways").get("/").headers().firstValue("Location").orElse(""))
        .endsWith("/camunda/app/tasklist/");
  }

  HttpResponse<String> page(String user, String path) {
    return user == null ? new HttpSession(port).get(path) : session(user).get(path);
  }

  HttpResponse<String> api(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json, text/plain;q=0.9"); // the Prometheus scrape is text
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(basic(request, user).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String user, String method, String path, String body) {
    try {
      return api(user, method, path, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** R14: the ward register's CSV import. */
  HttpResponse<String> csv(String user, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json").header("Content-Type", "text/csv")
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(basic(request, user).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> deploy(String user) throws Exception {
    String boundary = "matrix" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + BPMN + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(basic(request, user).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder basic(HttpRequest.Builder request, String user) {
    if (user != null) {
      String credentials = user + ":" + TestUsers.PASSWORD;
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }
}
