package org.memberenquiries.webapps;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The council running the product: its name brands Tasklist, Cockpit and Admin ("Anytown Council Tasklist"). */
@Validated
@ConfigurationProperties("enquiries.council")
public record CouncilProperties(@DefaultValue("Member Enquiries") @NotBlank String name) {}
