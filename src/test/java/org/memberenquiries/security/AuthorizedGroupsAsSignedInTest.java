package org.memberenquiries.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.testing.ProcessEngineTest;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessEngineTest
class AuthorizedGroupsAsSignedInTest {

  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  @DisplayName("Issue 11: authorization checks take the user's groups as they are, without first reading every group"
      + " that has an authorization (Camunda's would drop a group with none, after a scan of ACT_RU_AUTHORIZATION)")
  void groupsAreNotFilteredThroughATableScan() {
    List<String> checked = engine.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("highways-officers", "no-grants-at-all")));

    assertThat(checked).containsExactly("highways-officers", "no-grants-at-all");
  }
}
