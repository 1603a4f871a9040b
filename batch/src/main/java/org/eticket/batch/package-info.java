/**
 * Jakarta Batch jobs of the center (billing run, post-event analytics, marketing reports,
 * offline entrance-log import); they arrive with their issues. The jar is already part of
 * both deliverables so jobs land without packaging changes.
 */
package org.eticket.batch;
