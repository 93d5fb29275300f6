package dev.sitec.load;

/**
 * Bounds on what the loader accepts, so a hostile or broken file cannot exhaust memory.
 * The defaults hold a site of tens of thousands of VMs with room to spare.
 */
public record LoadLimits(int maxBytes, int maxAliasesForCollections, int maxNodes, int maxDepth) {

    public static final LoadLimits DEFAULT = new LoadLimits(16 * 1024 * 1024, 100, 2_000_000, 64);
}
