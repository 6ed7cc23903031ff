package org.memberenquiries.calendarchange;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link CalendarChanges#refresh()} every minute, so each node counts the days another node changed. */
@Configuration
@EnableScheduling
class CalendarRefreshSchedule {}
