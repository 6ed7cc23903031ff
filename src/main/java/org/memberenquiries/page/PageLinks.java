package org.memberenquiries.page;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Issue 8 (the Members' list under 100 ms): the links a page writes are written as they are. Spring
 * Boot turns Spring's resource chain on by itself because springdoc brings webjars-locator-lite, and
 * with it the Thymeleaf auto-configuration adds {@link ResourceUrlEncodingFilter}, which passes every
 * {@code @{...}} link of every page through the static-resource resolvers: each link (a Member's list
 * has about thirty: every enquiry, the menu, the pages) was looked up as a file in each static
 * location, that is in every jar on the class path, and since only links that are files are cached,
 * again on every request. That was four fifths of the time of a Member's list page. The filter exists
 * to rewrite links to versioned static files; the product versions none (no content or fixed version
 * strategy is configured), so it never changed a link. Registering it disabled makes the
 * auto-configuration leave it out; static files and webjars are still served as before.
 */
@Configuration
public class PageLinks {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setEnabled(false);
    return registration;
  }
}
