package org.memberenquiries.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the embedded engine. The engine suite runs twice: on H2, and again on PostgreSQL (the
 * Maven execution {@code engine-on-postgresql} selects it with {@code -Denquiries.test.database=postgresql}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("engine")
@ExtendWith(PostgresqlTestDatabase.class)
@SpringBootTest
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
public @interface ProcessEngineTest {}
