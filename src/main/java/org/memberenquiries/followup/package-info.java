/**
 * After the answer (issue 10 item 4; R5, R10): the window for follow-ups after the full response
 * (processes/after-the-answer.bpmn), the Member's follow-up and dissatisfaction through their page and
 * the API, and the steps that record them.
 */
package org.memberenquiries.followup;
