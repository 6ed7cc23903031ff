package org.memberenquiries.nodes;

import java.io.IOException;
import org.memberenquiries.MemberEnquiriesApplication;

/**
 * One application node in a child JVM of a test ({@link AppNode}): the product's own main, plus a
 * watchdog that ends this JVM when the test's JVM goes away (its end of the stdin pipe closes), so a
 * test run that dies, or is killed, never leaves nodes running behind it.
 */
public final class NodeMain {

  private NodeMain() {}

  public static void main(String[] args) {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // nothing is sent; only the end of the stream matters
        }
      } catch (IOException ignored) {
        // the pipe broke: the same as its end
      }
      Runtime.getRuntime().halt(137);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    MemberEnquiriesApplication.main(args);
  }
}
