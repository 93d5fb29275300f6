package dev.sitec.family.cloudinit;

/** The script that copies a Pi's seed onto its freshly flashed card's boot partition. */
public record SeedScriptView(String host, String imageFile) {
}
