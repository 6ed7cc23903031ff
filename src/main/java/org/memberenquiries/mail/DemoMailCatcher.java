package org.memberenquiries.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo run's SMTP server: GreenMail, embedded, on {@code spring.mail.host}:{@code spring.mail.port}
 * (localhost:3025 in the demo profile). It accepts every message and delivers it nowhere; the
 * administrators' page {@code /admin/mail} lists what was sent. Never started outside the demo profile.
 */
@Component
@Profile("demo")
public class DemoMailCatcher {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailCatcher.class);

  private final GreenMail greenMail;

  public DemoMailCatcher(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
    GreenMail server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
    try {
      server.start();
      LOG.info("Demo mail catcher listening on {}:{}; sent mail is listed at /admin/mail", host, port);
    } catch (RuntimeException e) {
      // e.g. the port is taken: mail then waits in the outbox and is retried, which the demo page shows too
      LOG.warn("Demo mail catcher could not start on {}:{}: {}", host, port, e.getMessage());
      server = null;
    }
    this.greenMail = server;
  }

  /** How many messages the catcher has received since the application started. */
  public int received() {
    return greenMail == null ? 0 : greenMail.getReceivedMessages().length;
  }

  @PreDestroy
  void stop() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }
}
