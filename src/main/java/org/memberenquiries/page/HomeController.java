package org.memberenquiries.page;

import org.memberenquiries.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: Members go to their enquiries, staff to their Tasklist queue. */
@Controller
public class HomeController {

  @GetMapping("/")
  String home(Authentication user) {
    boolean member = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.MEMBER));
    return member ? "redirect:/enquiries" : "redirect:/camunda/app/tasklist/";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
