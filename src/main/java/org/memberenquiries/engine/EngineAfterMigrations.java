package org.memberenquiries.engine;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The process engine starts after Flyway has migrated the database: Flyway creates the engine's
 * tables ({@link EngineSchema}), and the engine only checks them. Registered in
 * {@code META-INF/spring.factories}, the Spring Boot way of ordering beans after database initialisation.
 */
public class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector
    implements DependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
  }
}
