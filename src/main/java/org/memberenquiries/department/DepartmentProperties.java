package org.memberenquiries.department;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The council's departments. Each has its own officers' Tasklist queue ({@code <id>-officers}) and
 * managers' queue ({@code <id>-managers}).
 */
@Validated
@ConfigurationProperties("enquiries")
public record DepartmentProperties(@NotEmpty @Valid List<Department> departments) {

  public record Department(
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and hyphens")
          String id,
      @NotBlank String name) {}
}
