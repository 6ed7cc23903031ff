package org.memberenquiries.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberenquiries.testing.ProcessEngineTest;
import org.memberenquiries.testing.ProcessTestSupport;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 7 item 16: when an insert fails in the database, the application log says so, but not with
 * the values that were being written (on H2 and on PostgreSQL, whose drivers put them in their messages).
 */
@ProcessEngineTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseErrorLogTest extends ProcessTestSupport {

  @Test
  @DisplayName("Item 16: a failing insert is logged without the failing value nor the rest of the row")
  void failingInsertLogsNoValues(CapturedOutput log) {
    ProcessInstance enquiry = startEnquiry("2026-11-20T10:00");
    String secretName = "name-secret-" + UUID.randomUUID() + "x".repeat(300); // NAME_ is varchar(255)
    String secretText = "text-secret-" + UUID.randomUUID();

    assertThatThrownBy(() -> runtimeService.setVariable(enquiry.getId(), secretName, secretText));

    assertThat(log.getOut() + log.getErr())
        .containsIgnoringCase("value too long")
        .doesNotContain(secretName.substring(0, 40))
        .doesNotContain(secretText);
  }
}
