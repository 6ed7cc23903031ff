package org.memberenquiries.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The timeliness dashboard (issue 9 items 3 and 4, R16): the page {@code /staff/timeliness} and the Cockpit
 * plugin show each on-time percentage against this target, over this many weeks unless a range is asked for.
 *
 * @param onTimeTargetPercent the share of enquiries the council means to handle on time (councils publish
 *     95% as their target for answers within 10 working days); a figure under it is shown as below target
 * @param defaultWeeks how many weeks, ending today, the dashboard covers when no range is given
 * @param chartWeeks how many weeks at most, ending with the range, the weekly chart shows; the default, 54,
 *     shows every week of any range the page takes (a year and a day), all counted in one query
 */
@Validated
@ConfigurationProperties("enquiries.dashboard")
public record DashboardProperties(
    @DefaultValue("95") @Min(0) @Max(100) double onTimeTargetPercent,
    @DefaultValue("13") @Min(1) @Max(260) int defaultWeeks,
    @DefaultValue("54") @Min(1) @Max(54) int chartWeeks) {}
