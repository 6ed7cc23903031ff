package org.memberenquiries.demo;

import org.memberenquiries.engine.Seeding;
import org.memberenquiries.ward.WardRegister;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's ward register (R14): Ada Lovelace holds Mill Ward, Charles Babbage Castle Ward, and both the
 * county's Riverside Division. Seeded only while the register is empty, so an administrator's edits stay.
 */
@Component
@Profile("demo")
public class DemoWards {

  private final WardRegister register;
  private final Seeding seeding;

  public DemoWards(WardRegister register, Seeding seeding) {
    this.register = register;
    this.seeding = seeding;
  }

  @EventListener
  @Order(4) // after the demo users (DemoUsers)
  public void seed(ApplicationStartedEvent event) {
    seeding.exclusively("demo wards", () -> {
      if (register.all().isEmpty()) {
        register.add("Mill Ward", "cllr.lovelace");
        register.add("Castle Ward", "cllr.babbage");
        register.add("Riverside Division", "cllr.lovelace");
        register.add("Riverside Division", "cllr.babbage");
      }
    });
  }
}
