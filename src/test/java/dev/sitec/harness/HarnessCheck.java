package dev.sitec.harness;

import java.nio.file.Path;

/** The real-tool checks of one output family over a generated tree. */
interface HarnessCheck {

    String family();

    FamilyReport check(Path root);
}
