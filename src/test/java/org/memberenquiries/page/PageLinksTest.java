package org.memberenquiries.page;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.memberenquiries.testing.WebAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Issue 8: a page's links are not looked up among the static files (and so in every jar) on every request. */
@WebAppTest
class PageLinksTest {

  @Autowired ServletContext servletContext;

  @Test
  @DisplayName("No ResourceUrlEncodingFilter runs: Spring Boot's, turned on by webjars-locator-lite, is left out")
  void linksAreNotResolvedAsStaticResources() {
    assertThat(servletContext.getFilterRegistrations().values()).extracting(FilterRegistration::getClassName)
        .isNotEmpty()
        .doesNotContain(ResourceUrlEncodingFilter.class.getName());
  }
}
