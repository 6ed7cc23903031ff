package org.memberenquiries;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Member Enquiries: every question a councillor sends to officers is acknowledged, answered and
 * escalated on time. The protocol's rules (R0–R16) are carried by {@code processes/member-enquiry.bpmn}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MemberEnquiriesApplication {

  public static void main(String[] args) {
    SpringApplication.run(MemberEnquiriesApplication.class, args);
  }
}
