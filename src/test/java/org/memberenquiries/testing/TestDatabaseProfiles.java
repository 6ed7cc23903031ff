package org.memberenquiries.testing;

import org.springframework.test.context.ActiveProfilesResolver;

/** "test" on H2; "test" plus "postgresql-test" when the run targets PostgreSQL. */
public class TestDatabaseProfiles implements ActiveProfilesResolver {

  static final String DATABASE_PROPERTY = "enquiries.test.database";

  static boolean onPostgresql() {
    return "postgresql".equals(System.getProperty(DATABASE_PROPERTY));
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    return onPostgresql() ? new String[] {"test", "postgresql-test"} : new String[] {"test"};
  }
}
