package org.memberenquiries.sharing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** R11: the requesting Member permits another Member to see the enquiry and its answers. */
public record ShareRequest(@NotBlank @Size(max = 255) String memberId) {}
