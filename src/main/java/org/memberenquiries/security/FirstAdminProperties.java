package org.memberenquiries.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up when the engine has none. The demo profile sets
 * admin/demo; every other profile reads it from the environment (ENQUIRIES_ADMIN_USER,
 * ENQUIRIES_ADMIN_PASSWORD) and refuses to start without one.
 */
@ConfigurationProperties(prefix = "enquiries.first-admin")
public record FirstAdminProperties(String user, String password) {}
