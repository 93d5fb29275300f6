package dev.sitec.approval;

import org.approvaltests.core.ApprovalFailureReporter;

/**
 * ApprovalTests settings for this package: a failed approval fails with the unified diff in its
 * message (CI has no diff tool), so the log says what changed. Nothing is ever auto-approved.
 */
public class PackageSettings {
    public static ApprovalFailureReporter FrontloadedReporter = new DiffInMessageReporter();
}
