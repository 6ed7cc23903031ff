package org.memberenquiries.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the embedded engine. The engine suite runs twice: on H2, and again on PostgreSQL (the
 * Maven execution {@code engine-on-postgresql} selects it with {@code -Denquiries.test.database=postgresql}).
 * Flow-node and sequence-flow coverage of the processes is reported in {@code target/process-test-coverage}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("engine")
@ExtendWith(PostgresqlTestDatabase.class)
@SpringBootTest
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ProcessEngineTest {}
