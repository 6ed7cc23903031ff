package org.memberenquiries.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.memberenquiries.engine.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing by client and by account, with waits that end by themselves (see
 * {@link SignInThrottleProperties}), and turns off Camunda's own lockout, which any stranger could
 * use to lock out any user. While a wait lasts, a sign-in is refused without checking the password,
 * so a guess made then teaches nothing. A successful sign-in forgets that user's failures from that
 * client. Counters live in memory per node (a restart forgets them); time is the engine clock.
 */
@Component
public class SignInThrottle extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
  /** More failures than this per key change nothing (the wait is at its maximum long before). */
  private static final int KEPT_PER_KEY = 64;
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
  /** Clients and accounts tracked at most; past this (a flood of made-up user names) counters restart. */
  private static final int MAX_KEYS = 100_000;

  private record Failure(Instant at, String account, String client) {}

  private final SignInThrottleProperties properties;
  private final EngineClock clock;
  private final Map<String, Deque<Failure>> byClient = new ConcurrentHashMap<>();
  private final Map<String, Deque<Failure>> byAccount = new ConcurrentHashMap<>();
  private final int maxKeys;
  private volatile Instant lastPrune = Instant.MIN;

  @Autowired
  public SignInThrottle(SignInThrottleProperties properties, EngineClock clock) {
    this(properties, clock, MAX_KEYS);
  }

  SignInThrottle(SignInThrottleProperties properties, EngineClock clock, int maxKeys) {
    this.properties = properties;
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  /** Camunda's lockout off: no attempt limit, no delay (the engine then only counts attempts). */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
  }

  /** Until when this client may not try this account, if it must wait now. */
  public Optional<Instant> waitUntil(String account, String client) {
    Instant now = clock.now();
    Instant until = later(clientWait(client), accountWait(key(account)));
    return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  public void failed(String account, String client) {
    Failure failure = new Failure(clock.now(), key(account), client);
    add(byClient, client, failure);
    add(byAccount, failure.account(), failure);
    Optional<Instant> until = waitUntil(account, client);
    LOG.warn("Sign-in failed for user '{}' from {} ({} failures from this client, {} for this user in {}){}",
        printable(account), client, recent(byClient.get(client)).size(), recent(byAccount.get(failure.account())).size(),
        properties.window(), until.map(u -> "; further attempts refused until " + u).orElse(""));
    if (byClient.size() > maxKeys || byAccount.size() > maxKeys) {
      prune();
    }
  }

  public void succeeded(String account, String client) {
    String key = key(account);
    forget(byClient, client, f -> f.account().equals(key));
    forget(byAccount, key, f -> f.client().equals(client));
  }

  private Instant clientWait(String client) {
    Deque<Failure> failures = recent(byClient.get(client));
    return waitAfter(failures, properties.clientFreeFailures());
  }

  private Instant accountWait(String account) {
    Deque<Failure> failures = recent(byAccount.get(account));
    long clients = failures.stream().map(Failure::client).distinct().count();
    return clients < 2 ? null : waitAfter(failures, properties.accountFreeFailures());
  }

  /** The n-th failure past the free ones waits first-delay * 2^n, at most max-delay, after the last failure. */
  private Instant waitAfter(Deque<Failure> failures, int free) {
    int over = failures.size() - free;
    if (over < 0) {
      return null;
    }
    Duration delay = properties.firstDelay().multipliedBy(1L << Math.min(over, 30));
    if (delay.compareTo(properties.maxDelay()) > 0) {
      delay = properties.maxDelay();
    }
    return failures.getLast().at().plus(delay);
  }

  private Deque<Failure> recent(Deque<Failure> failures) {
    Deque<Failure> recent = new ArrayDeque<>();
    if (failures == null) {
      return recent;
    }
    Instant since = clock.now().minus(properties.window());
    synchronized (failures) {
      failures.stream().filter(f -> f.at().isAfter(since)).forEach(recent::add);
    }
    return recent;
  }

  private static void add(Map<String, Deque<Failure>> failures, String key, Failure failure) {
    failures.compute(key, (k, list) -> {
      Deque<Failure> kept = list != null ? list : new ArrayDeque<>();
      synchronized (kept) {
        kept.addLast(failure);
        while (kept.size() > KEPT_PER_KEY) {
          kept.removeFirst();
        }
      }
      return kept;
    });
  }

  private static void forget(Map<String, Deque<Failure>> failures, String key,
      java.util.function.Predicate<Failure> which) {
    failures.computeIfPresent(key, (k, list) -> {
      synchronized (list) {
        list.removeIf(which);
        return list.isEmpty() ? null : list;
      }
    });
  }

  /** Memory stays bounded: expired failures go (at most once a minute), and a map still too big restarts. */
  private void prune() {
    Instant now = clock.now();
    if (byClient.size() <= maxKeys && byAccount.size() <= maxKeys) {
      return;
    }
    if (!now.isBefore(lastPrune.plus(PRUNE_EVERY)) || now.isBefore(lastPrune)) {
      lastPrune = now;
      Instant since = now.minus(properties.window());
      for (Map<String, Deque<Failure>> failures : java.util.List.of(byClient, byAccount)) {
        failures.keySet().forEach(key -> forget(failures, key, f -> !f.at().isAfter(since)));
      }
    }
    for (Map<String, Deque<Failure>> failures : java.util.List.of(byClient, byAccount)) {
      if (failures.size() > maxKeys) {
        LOG.warn("Sign-in failures from more than {} {} within {}: those counters restart",
            maxKeys, failures == byClient ? "clients" : "user names", properties.window());
        failures.clear();
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static String key(String account) {
    return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
  }

  /** A user name as typed, safe for one log line. */
  private static String printable(String account) {
    String cleaned = account == null ? "" : account.replaceAll("\\p{C}", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
  }
}
