package dev.sitec.load;

/**
 * Bounds on what the loader accepts, so a hostile or broken file cannot exhaust time or memory: its
 * size, alias use, the number of keys and values it expands to (counted before expanding), and its
 * nesting. The defaults hold a site of twenty thousand VMs (bench's synthetic 20,000-VM site is 2.3 MB
 * and 261,000 keys and values) and refuse anything larger in under two seconds (docs/robustness.md).
 */
public record LoadLimits(int maxBytes, int maxAliasesForCollections, int maxNodes, int maxDepth) {

    public static final LoadLimits DEFAULT = new LoadLimits(4 * 1024 * 1024, 100, 300_000, 64);
}
