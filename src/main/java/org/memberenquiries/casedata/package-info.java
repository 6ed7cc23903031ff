/**
 * What the processes and the code agree on about a case: the names of its process variables
 * ({@link org.memberenquiries.casedata.EnquiryVariables}) and the keys of its processes
 * ({@link org.memberenquiries.casedata.Processes}). Depends on nothing, so every feature package can use it
 * without depending on another (issue 8 item 5).
 */
package org.memberenquiries.casedata;
