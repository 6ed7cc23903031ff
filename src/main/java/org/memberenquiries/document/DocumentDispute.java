package org.memberenquiries.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** R12: the Member's grounds for disputing a refusal. */
public record DocumentDispute(@NotBlank @Size(max = 5000) String grounds) {}
