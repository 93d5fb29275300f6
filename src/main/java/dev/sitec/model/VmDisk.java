package dev.sitec.model;

/** A virtual disk. */
public record VmDisk(int index, int sizeGib, Purpose purpose) {

    public enum Purpose { SYSTEM, LONGHORN, DATA }
}
